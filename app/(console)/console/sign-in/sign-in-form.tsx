"use client";
import { useActionState } from "react";
import { consoleSignIn } from "./actions";

export function ConsoleSignInForm() {
  const [state, action, pending] = useActionState(consoleSignIn, {});
  return (
    <form action={action} className="mt-4 space-y-3">
      <label htmlFor="password" className="block text-sm font-medium">
        Admin password
      </label>
      <input
        id="password"
        name="password"
        type="password"
        autoComplete="current-password"
        aria-describedby={state.error ? "password-error" : undefined}
        className="block w-full rounded-lg border border-slate-300 px-3 py-2"
      />
      <p id="password-error" aria-live="polite" className="text-sm text-red-700">
        {state.error}
      </p>
      <button disabled={pending} className="rounded-lg bg-slate-900 px-4 py-2 font-semibold text-white">
        Sign in to the console
      </button>
    </form>
  );
}
