// The presented certificate chain, one row per certificate.
import type { CertificateFacts } from "@/lib/trust/types";

export function CertificateChain({ chain }: { chain: CertificateFacts[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-xs">
        <thead className="text-slate-500">
          <tr>
            <th className="py-1.5 pr-3 font-medium">Subject</th>
            <th className="py-1.5 pr-3 font-medium">Issuer</th>
            <th className="py-1.5 pr-3 font-medium">Valid</th>
            <th className="py-1.5 pr-3 font-medium">Type</th>
            <th className="py-1.5 pr-3 font-medium">SHA-256 fingerprint</th>
            <th className="py-1.5 font-medium">Revoked</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {chain.map((certificate) => (
            <tr key={certificate.fingerprintSha256}>
              <td className="py-1.5 pr-3">
                <span className="font-medium">{certificate.subject.commonName}</span>
                {certificate.subject.organization && (
                  <span className="block text-slate-600">
                    {certificate.subject.organization} ·{" "}
                    {[certificate.subject.country, certificate.subject.state, certificate.subject.locality].filter(Boolean).join(", ")}
                  </span>
                )}
              </td>
              <td className="py-1.5 pr-3 text-slate-700">{certificate.selfSigned ? "self-signed" : certificate.issuer}</td>
              <td className="py-1.5 pr-3 whitespace-nowrap">
                {certificate.notBefore.slice(0, 10)} → {certificate.notAfter.slice(0, 10)}
              </td>
              <td className="py-1.5 pr-3">{certificate.type}</td>
              <td className="py-1.5 pr-3 font-mono break-all">{certificate.fingerprintSha256}</td>
              <td className="py-1.5">{certificate.revoked ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
