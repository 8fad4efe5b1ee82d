package com.daiban.organisation;

/** A township convenience service center (镇便民服务中心); its window clerks form {@code township-<code>}. */
public record Township(String code, String name, String hotline) {
}
