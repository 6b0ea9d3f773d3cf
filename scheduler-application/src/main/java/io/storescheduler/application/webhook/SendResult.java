package io.storescheduler.application.webhook;

/** What the receiver did with a delivery: its HTTP status (2xx: delivered), or none and the error. */
public record SendResult(Integer status, String error) {

    public static SendResult answered(int status) {
        return new SendResult(status, status / 100 == 2 ? null : "the receiver answered " + status);
    }

    public static SendResult failed(String error) {
        return new SendResult(null, error);
    }

    public boolean delivered() {
        return status != null && status / 100 == 2;
    }
}
