"use client";
// The sign-in form with per-field errors, and the sandbox accounts as one-click fill buttons.
import { useActionState, useRef } from "react";
import type { SignInState } from "./actions";

interface Props {
  action: (state: SignInState, form: FormData) => Promise<SignInState>;
  accounts: { username: string; displayName: string; description: string }[];
  password: string;
}

export function LoginForm({ action, accounts, password }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const username = useRef<HTMLInputElement>(null);
  const secret = useRef<HTMLInputElement>(null);
  const fill = (value: string) => {
    if (username.current) username.current.value = value;
    if (secret.current) secret.current.value = password;
    username.current?.focus();
  };
  const field = "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none";
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_14rem]">
      <form action={formAction} className="space-y-4" noValidate>
        <div aria-live="polite">{state.message && <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{state.message}</p>}</div>
        <div>
          <label htmlFor="username" className="block text-sm font-medium text-slate-800">Username</label>
          <input ref={username} id="username" name="username" autoComplete="username" defaultValue={state.username} aria-invalid={!!state.fieldErrors?.username} aria-describedby={state.fieldErrors?.username ? "username-error" : undefined} className={field} />
          {state.fieldErrors?.username && <p id="username-error" className="mt-1 text-sm text-red-700">{state.fieldErrors.username}</p>}
        </div>
        <div>
          <label htmlFor="password" className="block text-sm font-medium text-slate-800">Password</label>
          <input ref={secret} id="password" name="password" type="password" autoComplete="current-password" aria-invalid={!!state.fieldErrors?.password} aria-describedby={state.fieldErrors?.password ? "password-error" : undefined} className={field} />
          {state.fieldErrors?.password && <p id="password-error" className="mt-1 text-sm text-red-700">{state.fieldErrors.password}</p>}
        </div>
        <button type="submit" disabled={pending} className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <aside aria-labelledby="test-accounts" className="rounded-xl border border-dashed border-slate-300 bg-white p-4">
        <h2 id="test-accounts" className="text-sm font-semibold text-slate-800">Sandbox test accounts</h2>
        <p className="mt-1 text-xs text-slate-600">Password <code className="font-mono">{password}</code></p>
        <ul className="mt-3 space-y-2">
          {accounts.map((account) => (
            <li key={account.username}>
              <button type="button" onClick={() => fill(account.username)} className="w-full rounded-lg border border-slate-200 px-3 py-2 text-left text-sm hover:border-brand-600 hover:bg-brand-50" aria-label={`Fill in ${account.username}`}>
                <span className="block font-mono font-semibold">{account.username}</span>
                <span className="block text-xs text-slate-600">{account.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
    </div>
  );
}
