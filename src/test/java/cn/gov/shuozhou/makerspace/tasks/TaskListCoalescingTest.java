package cn.gov.shuozhou.makerspace.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * {@link TaskListCoalescing}: the list request Tasklist sends twice on opening is answered once.
 * The engine is a chain that blocks until the second request waits, so that the two overlap every
 * time; what differs by session, token or query runs on its own.
 */
class TaskListCoalescingTest {

  private static final String LIST = "/camunda/api/engine/engine/default/filter/f1/list";
  private static final String BY_FILTER = "{\"sorting\":[{\"sortOrder\":\"desc\",\"sortBy\":\"created\"}],\"active\":true}";
  private static final String BY_SORTING = "{\"active\":true,\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

  private final TaskListCoalescing filter = new TaskListCoalescing();
  private final AtomicInteger runs = new AtomicInteger();
  /** Holds the engine's runs until released; each overlap sets a new one. */
  private volatile CountDownLatch release = new CountDownLatch(1);

  /** The engine's answer: the run's number, once released. */
  private final FilterChain engine = (request, response) -> {
    int run = runs.incrementAndGet();
    String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    response.setContentType("application/hal+json");
    response.getWriter().write("{\"run\":" + run + ",\"asked\":" + body + "}");
  };

  @Test
  void theSameQueryOfOneSessionWhileTheFirstIsAnsweredGetsTheFirstsAnswer() throws Exception {
    MockHttpServletResponse[] answers = overlap(list("s1", "t1", BY_FILTER), list("s1", "t1", BY_SORTING));
    assertThat(runs).hasValue(1);
    assertThat(filter.sharedAnswers()).isEqualTo(1);
    assertThat(answers[1].getStatus()).isEqualTo(200);
    assertThat(answers[1].getContentType()).isEqualTo("application/hal+json");
    assertThat(answers[1].getContentAsString()).isEqualTo(answers[0].getContentAsString()).contains("\"run\":1")
        .contains("\"sortBy\":\"created\"");

    MockHttpServletResponse later = run(list("s1", "t1", BY_FILTER));
    assertThat(later.getContentAsString()).as("nothing is kept once answered").contains("\"run\":2");
  }

  @Test
  void anotherSessionTokenOrQueryRunsOnItsOwn() throws Exception {
    overlap(list("s1", "t1", BY_FILTER), list("s2", "t1", BY_FILTER));
    overlap(list("s1", "t1", BY_FILTER), list("s1", "t2", BY_FILTER));
    overlap(list("s1", "t1", BY_FILTER), list("s1", "t1", "{\"active\":false}"));
    MockHttpServletRequest page2 = list("s1", "t1", BY_FILTER);
    page2.setQueryString("firstResult=15&maxResults=15");
    overlap(list("s1", "t1", BY_FILTER), page2);
    assertThat(runs).hasValue(8);
    assertThat(filter.sharedAnswers()).isZero();
  }

  @Test
  void otherRequestsAndRequestsWithoutSessionPassUntouched() throws Exception {
    MockHttpServletRequest count = list("s1", "t1", BY_FILTER);
    count.setRequestURI("/camunda/api/engine/engine/default/filter/f1/count");
    MockHttpServletRequest anonymous = list("s1", "t1", BY_FILTER);
    anonymous.setSession(null);
    release.countDown();
    run(count);
    run(anonymous);
    run(anonymous);
    assertThat(runs).hasValue(3);
  }

  /** Sends {@code first}, then {@code second} once the first is in the engine; releases the engine once the second waits or runs. */
  private MockHttpServletResponse[] overlap(MockHttpServletRequest first, MockHttpServletRequest second) throws Exception {
    int before = runs.get();
    release = new CountDownLatch(1);
    CountDownLatch gate = new CountDownLatch(1);
    CompletableFuture<MockHttpServletResponse> a = CompletableFuture.supplyAsync(() -> call(first));
    while (runs.get() == before) {
      Thread.sleep(5);
    }
    Thread[] waiting = new Thread[1];
    CompletableFuture<MockHttpServletResponse> b = CompletableFuture.supplyAsync(() -> {
      waiting[0] = Thread.currentThread();
      gate.countDown();
      return call(second);
    });
    gate.await();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (waiting[0].getState() == Thread.State.RUNNABLE && runs.get() == before + 1 && System.nanoTime() < deadline) {
      Thread.sleep(5); // until the second blocks: on the first's answer, or in the engine
    }
    release.countDown();
    return new MockHttpServletResponse[] {a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS)};
  }

  private MockHttpServletResponse run(MockHttpServletRequest request) {
    release.countDown();
    return call(request);
  }

  private MockHttpServletResponse call(MockHttpServletRequest request) {
    MockHttpServletResponse response = new MockHttpServletResponse();
    try {
      filter.doFilter(request, response, engine);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return response;
  }

  private static MockHttpServletRequest list(String session, String token, String body) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", LIST);
    request.setSession(new MockHttpSession(null, session));
    request.addHeader("X-XSRF-TOKEN", token);
    request.addHeader("Accept", "application/hal+json, application/json; q=0.5");
    request.setContentType("application/json");
    request.setContent(body.getBytes(StandardCharsets.UTF_8));
    return request;
  }
}
