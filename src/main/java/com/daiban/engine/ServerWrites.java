package com.daiban.engine;

import java.util.function.Supplier;

/**
 * Engine calls that our own services make on a person's behalf after checking the request themselves, e.g. accepting a
 * matter: they may set variables the process owns (the matter number), which a person writing through the engine REST
 * API or the webapps may not ({@link VariableWriteGuard}). The person stays authenticated, so engine authorizations and
 * history still name them.
 */
public final class ServerWrites {

	private static final ThreadLocal<Integer> DEPTH = new ThreadLocal<>();

	private ServerWrites() {
	}

	public static <T> T run(Supplier<T> action) {
		Integer depth = DEPTH.get();
		DEPTH.set(depth == null ? 1 : depth + 1);
		try {
			return action.get();
		}
		finally {
			if (depth == null) {
				DEPTH.remove();
			}
			else {
				DEPTH.set(depth);
			}
		}
	}

	public static void run(Runnable action) {
		run(() -> {
			action.run();
			return null;
		});
	}

	static boolean active() {
		return DEPTH.get() != null;
	}

}
