// GET /console/api — the control API for scripts, readable: every operation with its method and path, from the
// same table that generates /api/sandbox/openapi.json.
import type { Metadata } from "next";
import { CONTROL_API_OPERATIONS } from "@/lib/http/openapi";

export const metadata: Metadata = { title: "Control API" };

const METHOD_STYLE: Record<string, string> = {
  get: "bg-sky-100 text-sky-900",
  post: "bg-emerald-100 text-emerald-900",
  patch: "bg-amber-100 text-amber-900",
  delete: "bg-red-100 text-red-900",
};

export default function ControlApiPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">Control API</h1>
      <p className="text-slate-700">
        JSON in and out, for QA scripts. Name the tenant in the path; the older paths without <code>/tenants/{"{tenant}"}</code> act on the
        default tenant. The full description, with every request and answer schema, is the OpenAPI 3.1 document at{" "}
        <a className="font-medium text-brand-700 underline" href="/api/sandbox/openapi.json">
          /api/sandbox/openapi.json
        </a>
        .
      </p>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Control API operations</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-2 pr-3">
              Method
            </th>
            <th scope="col" className="py-2 pr-3">
              Path
            </th>
            <th scope="col" className="py-2">
              What it does
            </th>
          </tr>
        </thead>
        <tbody>
          {CONTROL_API_OPERATIONS.map((op) => (
            <tr key={`${op.method} ${op.path}`} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-3">
                <span className={`rounded px-2 py-0.5 font-mono text-xs font-semibold uppercase ${METHOD_STYLE[op.method]}`}>
                  {op.method}
                </span>
              </td>
              {/* Break long paths only after a slash, never inside a segment, so they stay readable on a phone. */}
              <td className="py-2 pr-3 font-mono text-xs">
                {op.path.split("/").map((segment, index) => (
                  <span key={index}>
                    {index > 0 && "/"}
                    {segment}
                    <wbr />
                  </span>
                ))}
              </td>
              <td className="py-2">{op.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
