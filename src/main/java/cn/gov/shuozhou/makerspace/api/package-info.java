/**
 * Art. 5, 9, 10: the JSON doors of the lifecycle for integrators and the public: filing an
 * application, a real-name objection to a public notice, the city bureau's reports on a certified
 * space. Each door reads and checks its body and hands a typed command to its lifecycle package,
 * which knows nothing of HTTP.
 */
package cn.gov.shuozhou.makerspace.api;
