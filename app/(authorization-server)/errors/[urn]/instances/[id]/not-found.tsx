import { Notice } from "@/components/patient/notice";

export default function ErrorInstanceNotFound() {
  return <Notice title="We could not find this page">The link may be mistyped or out of date. Go back to the app and try again.</Notice>;
}
