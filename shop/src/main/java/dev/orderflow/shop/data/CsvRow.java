package dev.orderflow.shop.data;

import java.util.List;

/** The fields of one CSV record and the one-based line it started on. */
record CsvRow(int line, List<String> fields) {
}
