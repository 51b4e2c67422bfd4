"use client";
// The console's error boundary: a failed console page says so readably, with its reference, and leads back.
import { SegmentError } from "@/components/segment-error";

export default function ConsoleError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <SegmentError {...props} title="The console could not show this page" back={{ href: "/console", label: "Console home" }} main={false} />
  );
}
