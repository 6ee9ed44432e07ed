"""Running the service: Prometheus metrics, the answers kill switch, and the wrapper that every
interface's assistant goes through (``ObservedAssistant``: switch, metrics, question log)."""
