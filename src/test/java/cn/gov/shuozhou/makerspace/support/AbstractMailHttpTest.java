package cn.gov.shuozhou.makerspace.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of HTTP tests whose application mails through {@link TestMail}. Spring keys its cached
 * contexts by the {@code @DynamicPropertySource} methods themselves, so the same method declared in
 * two test classes starts two contexts; declared once here, the classes that extend this share one.
 */
public abstract class AbstractMailHttpTest extends AbstractHttpTest {

  @DynamicPropertySource
  static void mail(DynamicPropertyRegistry registry) {
    TestMail.register(registry);
  }
}
