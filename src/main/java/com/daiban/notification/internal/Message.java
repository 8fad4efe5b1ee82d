package com.daiban.notification.internal;

record Message(String subject, String body) {
}
