import { ROUTES } from '../../functions/http/contract/routes';
import { synthesizeTemplate } from './synthesize';

const { template } = synthesizeTemplate();

/** What API Gateway deploys: route key -> authorization type. `$default` is the 404 catch-all. */
const deployed = new Map(
  Object.values(template.findResources('AWS::ApiGatewayV2::Route'))
    .map((r) => [String(r.Properties.RouteKey), String(r.Properties.AuthorizationType ?? 'NONE')])
    .filter(([key]) => key !== '$default') as [string, string][],
);
const documented = new Map(Object.entries(ROUTES).map(([key, route]) => [key, route.auth]));

describe('the route contract registry and the deployed API', () => {
  it('documents every deployed route', () => {
    const undocumented = [...deployed.keys()].filter((key) => !documented.has(key));
    expect(undocumented).toEqual([]);
  });

  it('deploys every documented route', () => {
    const notDeployed = [...documented.keys()].filter((key) => !deployed.has(key));
    expect(notDeployed).toEqual([]);
  });

  it('deploys exactly the documented routes as public (no JWT)', () => {
    const publicDeployed = [...deployed].filter(([, auth]) => auth === 'NONE').map(([k]) => k);
    const publicDocumented = [...documented].filter(([, auth]) => auth === 'none').map(([k]) => k);
    expect(publicDeployed.sort()).toEqual(publicDocumented.sort());
    expect(deployed.size).toBeGreaterThan(15);
  });
});
