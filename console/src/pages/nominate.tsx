import { useState } from 'preact/hooks';
import { idempotencyKey, refusalOf } from '../api';
import { SchemaForm } from '../components/schema-form';
import { PageHeading } from '../components/ui';
import { CONTRACT, LABELS } from '../contract';
import { fieldsOf } from '../forms/schema-form';
import { href } from '../router';
import { useSession } from '../session-context';

/** A cell nominates an outstanding person (POST /candidates), a form from the contract's schema. */
export function Nominate() {
  const { api, officer } = useSession();
  const [fields] = useState(() => fieldsOf(CONTRACT.nomination, LABELS));
  return (
    <>
      <PageHeading vi="Giới thiệu quần chúng ưu tú" en="Nominate an outstanding person" />
      <SchemaForm
        fields={fields}
        idPrefix="nomination"
        initial={{ unitId: officer.unitId }}
        submitLabel={{ vi: 'Gửi đề nghị', en: 'Nominate' }}
        submit={async (body) => {
          const { data, error, response } = await api.POST('/candidates', {
            params: { header: { 'Idempotency-Key': idempotencyKey() } },
            body: body as never,
          });
          if (!data) return refusalOf(error, response);
          location.hash = href('candidates', (data as { id: string }).id);
          return undefined;
        }}
      />
    </>
  );
}
