// Plain-language explanations of OAuth errors for the error_uri pages, keyed by the error code in the URN.
import { ownEntry } from "../util/own-entry";

export interface Explanation {
  title: string;
  body: string;
}

const EXPLANATIONS: Record<string, Explanation> = {
  "invalid-request": {
    title: "The app sent a request this server could not accept",
    body: "Something in the app's request was missing or not allowed. This is a problem with the app, not with you.",
  },
  "invalid-client": {
    title: "The app could not prove who it is",
    body: "The app's registration or credentials did not match. The app's developer needs to fix its settings.",
  },
  "invalid-grant": {
    title: "The app's access is no longer valid",
    body: "The authorization the app used has expired, was already used, or was revoked. The app needs to ask you again.",
  },
  "unauthorized-client": { title: "The app is not allowed to do this", body: "The app is not registered for this kind of request." },
  "unsupported-grant-type": {
    title: "The app asked in an unsupported way",
    body: "The app used a kind of token request this server does not offer.",
  },
  "unsupported-response-type": {
    title: "The app asked in an unsupported way",
    body: "The app used a kind of authorization request this server does not offer.",
  },
  "invalid-scope": {
    title: "The app asked for access this server does not offer",
    body: "The app requested a kind of access that patients cannot grant here.",
  },
  "access-denied": { title: "You said no", body: "Access was not given to the app. You can close this page." },
  "server-error": { title: "Something went wrong on our side", body: "The server could not complete the request. Try again in a moment." },
  "invalid-redirect-uri": { title: "The app's registration was refused", body: "One of the app's redirect URIs is not acceptable." },
  "invalid-client-metadata": { title: "The app's registration was refused", body: "The app's registration details were not acceptable." },
};

export function explainErrorUrn(urn: string): Explanation {
  const code = urn.split(":").pop() ?? "";
  return ownEntry(EXPLANATIONS, code) ?? { title: "The request could not be completed", body: "The app's request did not succeed." };
}
