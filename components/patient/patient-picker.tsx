// "Whose record?" for a person who may act for several patients: one radio per patient and Continue (a plain
// form post back to the authorize step, with its CSRF token).
import type { PickerPatient } from "@/lib/patient-pages/consent-step";
import { WORDS } from "@/lib/wording/patient-wording";
import { primaryButton } from "./portal-frame";

const RELATIONSHIP: Record<string, string> = { self: "You", parent: "Your child (you are their parent)" };

export function PatientPicker({ csrf, patients, problem }: { csrf: string; patients: PickerPatient[]; problem: boolean }) {
  return (
    <form method="post" className="mt-6 space-y-4">
      <input type="hidden" name="csrf" value={csrf} />
      <fieldset aria-describedby={problem ? "picker-error" : undefined}>
        <legend className="text-base font-semibold text-slate-900">{WORDS.picker.question}</legend>
        {problem && (
          <p id="picker-error" role="alert" className="mt-2 text-sm text-red-700">
            {WORDS.picker.problem}
          </p>
        )}
        <div className="mt-3 space-y-2">
          {patients.map((patient, index) => (
            <label
              key={patient.id}
              className="flex cursor-pointer items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 hover:border-brand-600 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input type="radio" name="patient" value={patient.id} defaultChecked={index === 0} className="h-5 w-5 accent-brand-600" />
              <span className="flex-1">
                <span className="block font-medium text-slate-900">{patient.name}</span>
                <span className="block text-sm text-slate-600">
                  Born {patient.birthDate} · {RELATIONSHIP[patient.relationship] ?? patient.relationship}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end">
        <button type="submit" className={primaryButton}>
          Continue
        </button>
      </div>
    </form>
  );
}
