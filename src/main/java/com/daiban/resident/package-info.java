/**
 * 村民直通车: the residents' own surface, without a staff account. Under {@code /api/public/**} and the page at
 * {@code /resident/}: look up a matter or complaint with its number and the phone's last four digits, sign off and
 * rate a replied matter with a one-time code sent to the phone on the matter, file a real-name complaint, and read the
 * public notice board (agents on duty, township windows, supervision hotline, service guide). Nothing here reaches the
 * engine's REST API or staff data; every action on a matter goes on its timeline.
 */
package com.daiban.resident;
