package com.daiban.organisation;

/** A village proxy point (村级代办点); its agents form the Camunda group {@code village-<code>}. */
public record Village(String code, String name, String townshipCode) {
}
