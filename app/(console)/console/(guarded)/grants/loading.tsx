// This page waits on the database (and trust evaluations) before it can show anything. (Only beside pages that never
// answer "not found" or redirect: once a loading state has streamed, the status can no longer change.)
import { PageLoading } from "@/components/page-loading";

export default function Loading() {
  return <PageLoading what="the console page" />;
}
