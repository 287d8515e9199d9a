/**
 * A JSON serializer for the event streams that writes each object once: every stream of a
 * workspace that keeps up sends the same shared event object (its changed devices, its summary),
 * so N open consoles cost one serialization of it, not N. Kept only as long as the object lives.
 */
export function serializeOnce(): (data: unknown) => string {
  const serialized = new WeakMap<object, string>();
  return (data) => {
    if (typeof data !== 'object' || data === null) return JSON.stringify(data);
    let json = serialized.get(data);
    if (json === undefined) {
      json = JSON.stringify(data);
      serialized.set(data, json);
    }
    return json;
  };
}
