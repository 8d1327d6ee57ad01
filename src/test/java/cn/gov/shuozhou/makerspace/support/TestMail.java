package cn.gov.shuozhou.makerspace.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server in the test JVM (GreenMail), one per JVM. Test classes that send mail extend
 * {@link AbstractMailHttpTest}, which registers it ({@link #register(DynamicPropertyRegistry)}) once
 * for all of them, so that they share one context; a class with more settings of its own registers it
 * itself (and has its own context anyway).
 */
public final class TestMail {

  private static final GreenMail SERVER = start();
  private static final Pattern CODE = Pattern.compile("验证码：(\\d{6})");

  private TestMail() {}

  public static void register(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SERVER.getSmtp().getPort());
  }

  /** The SMTP port, for applications in other JVMs. */
  public static int port() {
    return SERVER.getSmtp().getPort();
  }

  /** Every mail received so far. */
  public static List<Message> all() {
    return Arrays.asList(SERVER.getReceivedMessages());
  }

  /** The mails received so far for {@code address}, oldest first. */
  public static List<Message> to(String address) {
    return Arrays.stream(SERVER.getReceivedMessages()).<Message>map(m -> m).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
      } catch (MessagingException e) {
        return false;
      }
    }).toList();
  }

  /** The verification code of the newest mail to {@code address} that carries one. */
  public static String lastCode(String address) {
    List<Message> mails = to(address);
    if (mails.isEmpty()) {
      throw new AssertionError("no mail to " + address);
    }
    // the newest mail with a code: notifications (notification/) may reach the same address
    for (int i = mails.size() - 1; i >= 0; i--) {
      Matcher matcher = CODE.matcher(body(mails.get(i)));
      if (matcher.find()) {
        return matcher.group(1);
      }
    }
    throw new AssertionError("no code in the mails to " + address);
  }

  /** The decoded text of a plain-text mail. */
  public static String body(Message message) {
    try {
      return message.getContent().toString();
    } catch (IOException | MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static GreenMail start() {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
    return server;
  }
}
