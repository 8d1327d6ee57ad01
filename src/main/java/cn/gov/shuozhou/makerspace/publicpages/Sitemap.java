package cn.gov.shuozhou.makerspace.publicpages;

import cn.gov.shuozhou.makerspace.registry.CertificateRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code /sitemap.xml}: the public pages for search engines, and {@code /robots.txt}, which names it
 * and keeps crawlers out of everything behind a login.
 */
@RestController
class Sitemap {

  private static final List<String> PAGES = List.of("/public/", "/public/notices", "/public/notices?archive=true",
      "/public/announcements", "/public/registry", "/public/verify", "/public/objections/status");

  private final CertificateRegistry registry;
  private final PublicNotices notices;

  Sitemap(CertificateRegistry registry, PublicNotices notices) {
    this.registry = registry;
    this.notices = notices;
  }

  @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
  String robots() {
    return "User-agent: *\nAllow: /public/\nDisallow: /\nSitemap: "
        + ServletUriComponentsBuilder.fromCurrentContextPath().path("/sitemap.xml").toUriString() + "\n";
  }

  @GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
  String sitemap() {
    String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    List<String> paths = new ArrayList<>(PAGES);
    Stream.concat(notices.running().stream(), notices.archive().stream())
        .forEach(n -> paths.add("/public/notices/" + n.applicationNumber()));
    registry.numbers().forEach(number -> paths.add("/public/registry/" + number));
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (String path : paths) {
      xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(base + path)).append("</loc></url>\n");
    }
    return xml.append("</urlset>\n").toString();
  }
}
