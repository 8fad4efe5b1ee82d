package com.daiban.notification;

record Message(String subject, String body) {
}
