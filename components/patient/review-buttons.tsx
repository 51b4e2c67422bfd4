// The patient's choices for a suspended (or active) grant, as small POST forms.
interface Props {
  status: string;
  reapprove: () => Promise<void>;
  keepPaused: () => Promise<void>;
  revoke: () => Promise<void>;
}

const secondary = "rounded-lg border border-slate-300 bg-white px-4 py-2 font-semibold text-slate-800 hover:bg-slate-100";

export function ReviewButtons({ status, reapprove, keepPaused, revoke }: Props) {
  if (status === "revoked") return null;
  return (
    <div className="mt-5 flex flex-col gap-3 sm:flex-row sm:flex-wrap">
      {status === "suspended" && (
        <>
          <form action={reapprove}>
            <button type="submit" className="w-full rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700">Re-approve</button>
          </form>
          <form action={keepPaused}>
            <button type="submit" className={`w-full ${secondary}`}>Keep it paused</button>
          </form>
        </>
      )}
      <form action={revoke}>
        <button type="submit" className={`w-full ${secondary} text-red-700`}>Revoke access</button>
      </form>
    </div>
  );
}
