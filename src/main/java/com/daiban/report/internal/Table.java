package com.daiban.report.internal;

import java.util.List;

/** A report as rows under Chinese headers: what the .xlsx and the printable page are rendered from. */
record Table(String title, List<String> headers, List<List<Object>> rows) {
}
