// Redacts secrets and tokens from event payloads before they are shown, whatever a payload happens to hold.
const SECRET_KEY = /(token|secret|password|verifier|assertion|^code$|authorization|cookie)/i;

export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, SECRET_KEY.test(key) && typeof child === "string" ? "[redacted]" : redact(child)]));
  }
  return value;
}
