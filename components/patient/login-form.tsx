// The sign-in form with per-field errors, and the sandbox accounts as "Fill in" buttons. Without JavaScript a
// Fill in button posts the form and the page comes back filled in; a few lines of inline script do it in place.
import { primaryButton } from "./portal-frame";

export interface LoginFormState {
  message: string | null;
  fieldErrors: { username?: string; password?: string };
  username: string;
  password: string;
}

interface Props {
  state: LoginFormState;
  accounts: { username: string; description: string }[];
  password: string;
}

/** Progressive enhancement: fill the fields in place instead of a round trip (≈300 bytes, no framework). */
const FILL_SCRIPT = `document.addEventListener("click",function(e){var b=e.target.closest&&e.target.closest("button[data-fill]");if(!b)return;e.preventDefault();var u=document.getElementById("username"),p=document.getElementById("password");u.value=b.value;p.value=b.getAttribute("data-password");u.focus();});`;

const field =
  "mt-1 block w-full rounded-lg border border-slate-300 px-3 py-2 text-base shadow-sm focus:border-brand-600 focus:outline-none";

/** A labelled input with its error under it, tied together for screen readers. */
function Field({
  name,
  label,
  type = "text",
  autoComplete,
  value,
  error,
}: {
  name: string;
  label: string;
  type?: string;
  autoComplete: string;
  value: string;
  error?: string;
}) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={value}
        aria-invalid={!!error}
        aria-describedby={error ? `${name}-error` : undefined}
        className={field}
      />
      {error && (
        <p id={`${name}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function LoginForm({ state, accounts, password }: Props) {
  const { fieldErrors } = state;
  return (
    <form method="post" className="grid gap-6 md:grid-cols-[1fr_14rem]" noValidate>
      <div className="space-y-4">
        <div aria-live="polite">
          {state.message && (
            <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {state.message}
            </p>
          )}
        </div>
        <Field name="username" label="Username" autoComplete="username" value={state.username} error={fieldErrors.username} />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={state.password}
          error={fieldErrors.password}
        />
        <button type="submit" className={`w-full ${primaryButton}`}>
          Sign in
        </button>
      </div>
      <aside aria-labelledby="test-accounts" className="rounded-xl border border-dashed border-slate-300 bg-white p-4">
        <h2 id="test-accounts" className="text-sm font-semibold text-slate-800">
          Sandbox test accounts
        </h2>
        <p className="mt-1 text-xs text-slate-600">
          Password <code className="font-mono">{password}</code>
        </p>
        <ul className="mt-3 space-y-2">
          {accounts.map((account) => (
            <li key={account.username}>
              <button
                type="submit"
                name="fill"
                value={account.username}
                data-fill=""
                data-password={password}
                formNoValidate
                className="w-full rounded-lg border border-slate-200 px-3 py-2 text-left text-sm hover:border-brand-600 hover:bg-brand-50"
                aria-label={`Fill in ${account.username}`}
              >
                <span className="block font-mono font-semibold">{account.username}</span>
                <span className="block text-xs text-slate-600">{account.description}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <script dangerouslySetInnerHTML={{ __html: FILL_SCRIPT }} />
    </form>
  );
}
