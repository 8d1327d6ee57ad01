/**
 * Art. 4 and 5: the materials that prove each condition — uploads of the applicant (the
 * application, the supplement, the annual report, the rectification, the statement), kept in the
 * application's database with their SHA-256 and versions, read by the staff who judge them; and
 * (Art. 5 (3)) the evidence files of the public's objections, stored the same way.
 */
package cn.gov.shuozhou.makerspace.materials;
