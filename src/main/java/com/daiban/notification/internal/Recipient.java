package com.daiban.notification.internal;

/** A person to notify: a resident (phone only) or a staff member (user id, e-mail, phone). */
record Recipient(String id, String name, String email, String phone) {
}
