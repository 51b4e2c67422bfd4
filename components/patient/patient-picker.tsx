// "Whose record?" for a person who may act for several patients: one radio per patient and Continue.
interface Props {
  action: (form: FormData) => Promise<void>;
  patients: { id: string; givenName: string; familyName: string; birthDate: string; relationship: string }[];
  problem?: boolean;
}

const RELATIONSHIP: Record<string, string> = { self: "You", parent: "Your child (you are their parent)" };

export function PatientPicker({ action, patients, problem }: Props) {
  return (
    <form action={action} className="mt-6 space-y-4">
      <fieldset aria-describedby={problem ? "picker-error" : undefined}>
        <legend className="text-base font-semibold text-slate-900">Whose health record should the app see?</legend>
        {problem && <p id="picker-error" role="alert" className="mt-2 text-sm text-red-700">Choose one of the records below.</p>}
        <div className="mt-3 space-y-2">
          {patients.map((patient, index) => (
            <label key={patient.id} className="flex cursor-pointer items-center gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 hover:border-brand-600 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="patient" value={patient.id} defaultChecked={index === 0} className="h-5 w-5 accent-brand-600" />
              <span className="flex-1">
                <span className="block font-medium text-slate-900">{patient.givenName} {patient.familyName}</span>
                <span className="block text-sm text-slate-600">Born {patient.birthDate} · {RELATIONSHIP[patient.relationship] ?? patient.relationship}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex justify-end">
        <button type="submit" className="rounded-lg bg-brand-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-brand-700">Continue</button>
      </div>
    </form>
  );
}
