package com.daiban.identity;

public record StaffContact(String userId, String name, String phone, String email) {
}
