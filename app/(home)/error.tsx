"use client";
// The landing page's error boundary.
import { SegmentError } from "@/components/segment-error";

export default function HomeError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <SegmentError {...props} title="The sandbox's home page could not be shown" back={{ href: "/console", label: "Developer console" }} />
  );
}
