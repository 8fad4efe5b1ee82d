package com.daiban.identity;

/**
 * A member of staff as the public notice board shows them: the source publishes each agent's name and phone.
 * @param post the agent's post, {@code A} or {@code B} (AB岗), or {@code null} when not an agent or not recorded
 */
public record PublicContact(String name, String phone, String post) {
}
