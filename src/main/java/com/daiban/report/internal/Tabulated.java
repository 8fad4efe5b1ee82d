package com.daiban.report.internal;

/** A report's answer: {@code rows} as the JSON body, {@code table} for the workbook and the printable page. */
record Tabulated(Object rows, Table table, String fileName) {
}
