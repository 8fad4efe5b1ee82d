/**
 * Personal data kept no longer than needed (个人信息保护法): residents' names and phones leave Daiban's own tables after
 * the retention, and their phones leave the engine's history and the notification log once a matter has ended.
 */
package com.daiban.privacy;
