/**
 * Art. 5: how staff handle the steps — task cards with the case's identity, search, 已办, and the
 * commands a bureau expects: 转办 within the group, 退回 one step with a reason, 加签 of an expert.
 */
package cn.gov.shuozhou.makerspace.tasks;
