package ai.cartesia.core.testing;

import ai.cartesia.core.observe.CartesiaListener;
import ai.cartesia.core.observe.ContextEnded;
import ai.cartesia.core.observe.FirstAudio;
import ai.cartesia.core.observe.RequestEnded;
import ai.cartesia.core.observe.RequestStarted;
import ai.cartesia.core.observe.RetryScheduled;
import ai.cartesia.core.observe.WebSocketClosed;
import ai.cartesia.core.observe.WebSocketOpened;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event it hears, in order, from whatever thread. */
public final class RecordingListener implements CartesiaListener {

  private final List<Object> events = new CopyOnWriteArrayList<>();

  public List<Object> events() {
    return List.copyOf(events);
  }

  /** The events of one type, in order. */
  public <T> List<T> of(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public void onRequestStart(RequestStarted request) {
    events.add(request);
  }

  @Override
  public void onRequestEnd(RequestEnded response) {
    events.add(response);
  }

  @Override
  public void onRetry(RetryScheduled retry) {
    events.add(retry);
  }

  @Override
  public void onWebSocketOpen(WebSocketOpened open) {
    events.add(open);
  }

  @Override
  public void onWebSocketClose(WebSocketClosed close) {
    events.add(close);
  }

  @Override
  public void onFirstAudio(FirstAudio firstAudio) {
    events.add(firstAudio);
  }

  @Override
  public void onContextEnd(ContextEnded end) {
    events.add(end);
  }
}
