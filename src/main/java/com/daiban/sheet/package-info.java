/**
 * Tables that administrators upload and download (.xlsx, .csv): read by column name with row numbers, refused whole
 * with Chinese messages naming row and column, and written as workbooks.
 */
package com.daiban.sheet;
