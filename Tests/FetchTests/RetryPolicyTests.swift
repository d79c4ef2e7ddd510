import Fetch
import Testing

struct RetryPolicyTests {
    @Test("backoff doubles per retry, stays within [half, full] of the step, and is capped")
    func exponentialWithJitter() {
        let policy = RetryPolicy(maxAttempts: 6, baseDelay: 1, maxDelay: 5)
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, unitRandom: 0) == 0.5)
        #expect(policy.delay(beforeRetry: 1, retryAfter: nil, unitRandom: 1) == 1)
        #expect(policy.delay(beforeRetry: 2, retryAfter: nil, unitRandom: 1) == 2)
        #expect(policy.delay(beforeRetry: 3, retryAfter: nil, unitRandom: 0.5) == 3)
        #expect(policy.delay(beforeRetry: 10, retryAfter: nil, unitRandom: 1) == 5)
    }

    @Test("Retry-After wins over backoff but is capped at maxRetryAfter")
    func retryAfter() {
        let policy = RetryPolicy(maxAttempts: 3, baseDelay: 1, maxDelay: 5, maxRetryAfter: 30)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 7, unitRandom: 0) == 7)
        #expect(policy.delay(beforeRetry: 1, retryAfter: 3600, unitRandom: 0) == 30)
    }

    @Test("at least one attempt is always made")
    func atLeastOneAttempt() {
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}
