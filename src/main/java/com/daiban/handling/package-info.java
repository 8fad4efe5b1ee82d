/**
 * Running the clock honestly while a unit handles a matter: 中止/续办 (pause and resume in working time), 延期
 * (extension approved by the township supervision office), 转办 (transfer to the right unit under the same promise),
 * 终止 (termination with a reason), 催办 (urging the handler), and the higher level of the escalation ladder. Each is a
 * domain API call ({@code /api/matters/{no}/…}) that checks the caller and the matter's state, writes the matter's
 * timeline and moves the matter's proxy-matter instance through the events of its model.
 */
package com.daiban.handling;
