import { readdirSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { formatErrors } from "../src/compose-schema.ts";
import { variablesReadByCode } from "../src/env-vars.ts";
import { definitionId, KubernetesValidators } from "../src/kubernetes-schemas.ts";
import { fromRoot } from "../src/paths.ts";
import { readYamlDocuments, readYamlObject, type Loose } from "../src/yaml.ts";

const dir = fromRoot("deploy/k8s");
const kustomization = readYamlObject(fromRoot("deploy/k8s/kustomization.yaml")) as Loose;
const files: string[] = kustomization.resources;
const resources: Loose[] = files.flatMap((file) =>
  readYamlDocuments(fromRoot("deploy/k8s", file)).map((document: Loose): Loose => ({ file, ...document })),
);
const validators = new KubernetesValidators();

const ofKind = (kind: string) => resources.filter((r) => r.kind === kind);
const named = (kind: string, name: string) => ofKind(kind).find((r) => r.metadata.name === name);
const podSpecOf = (workload: Loose) => workload.spec.template.spec;
const workloads = () => [...ofKind("Deployment"), ...ofKind("Job")];
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

const apis = [
  { name: "user-api", port: 4001, databaseKey: "USER_API_DATABASE_URL" },
  { name: "inventory-api", port: 4002, databaseKey: "INVENTORY_API_DATABASE_URL" },
  { name: "notification-api", port: 4003, databaseKey: "NOTIFICATION_API_DATABASE_URL" },
];

describe("deploy/k8s", () => {
  test("kustomization.yaml lists every manifest in the folder, and only those", () => {
    const manifests = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== "kustomization.yaml");
    expect([...files].sort()).toEqual(manifests.sort());
    expect(kustomization.namespace).toBe("sharehood");
    expect(named("Namespace", "sharehood")).toBeDefined();
  });

  test.each(resources.map((r) => [`${r.file}: ${r.kind} ${r.metadata?.name}`, r]))(
    "%s is valid under Kubernetes' schema",
    (_, resource) => {
      const { file: _file, ...manifest } = resource;
      const validate = validators.validatorFor(manifest.apiVersion, manifest.kind);
      const valid = validate(manifest);
      expect(valid, formatErrors(validate.errors)).toBe(true);
    },
  );

  test("the schema check refuses unknown fields, bad values and wrong kinds", () => {
    const deployment = structuredClone(named("Deployment", "user-api"));
    delete deployment.file;
    const validate = validators.validatorFor("apps/v1", "Deployment");
    expect(validate(deployment), formatErrors(validate.errors)).toBe(true);

    const container = deployment.spec.template.spec.containers[0];
    const typo = structuredClone(deployment);
    typo.spec.template.spec.containers[0].readinesProbe = container.readinessProbe;
    expect(validate(typo)).toBe(false);
    expect(formatErrors(validate.errors)).toContain("readinesProbe");

    const badQuantity = structuredClone(deployment);
    badQuantity.spec.template.spec.containers[0].resources.limits.memory = "half a gig";
    expect(validate(badQuantity)).toBe(false);

    const badEnum = structuredClone(deployment);
    badEnum.spec.strategy.type = "Sometimes";
    expect(validate(badEnum)).toBe(false);

    expect(validate({ ...deployment, apiVersion: "apps/v1beta1" })).toBe(false);
    expect(() => validators.validatorFor("example.com/v1", "Widget")).toThrow(/no Kubernetes schema/);
  });

  test("maps apiVersion and kind to Kubernetes' definition ids", () => {
    expect(definitionId("v1", "Service")).toBe("io.k8s.api.core.v1.Service");
    expect(definitionId("networking.k8s.io/v1", "Ingress")).toBe("io.k8s.api.networking.v1.Ingress");
    expect(definitionId("autoscaling/v2", "HorizontalPodAutoscaler")).toBe(
      "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
    );
  });

  test("every workload runs non-root, without privilege escalation, on a read-only root filesystem", () => {
    for (const workload of workloads()) {
      const pod = podSpecOf(workload);
      expect(pod.securityContext?.runAsNonRoot, workload.metadata.name).toBe(true);
      expect(pod.securityContext?.seccompProfile?.type, workload.metadata.name).toBe("RuntimeDefault");
      for (const container of pod.containers) {
        const where = `${workload.metadata.name}/${container.name}`;
        expect(container.securityContext?.allowPrivilegeEscalation, where).toBe(false);
        expect(container.securityContext?.readOnlyRootFilesystem, where).toBe(true);
        expect(container.securityContext?.capabilities?.drop, where).toEqual(["ALL"]);
        expect(
          container.resources?.requests?.cpu && container.resources?.requests?.memory,
          where,
        ).toBeTruthy();
        expect(container.resources?.limits?.cpu && container.resources?.limits?.memory, where).toBeTruthy();
      }
    }
  });

  test("every Deployment has readiness and liveness probes, and leaves its replica count to an autoscaler", () => {
    for (const deployment of ofKind("Deployment")) {
      for (const container of podSpecOf(deployment).containers) {
        expect(container.readinessProbe, deployment.metadata.name).toBeDefined();
        expect(container.livenessProbe, deployment.metadata.name).toBeDefined();
      }
      expect(deployment.spec.replicas, deployment.metadata.name).toBeUndefined();
      expect(matches(deployment.spec.selector.matchLabels, deployment.spec.template.metadata.labels)).toBe(
        true,
      );
      const hpa = ofKind("HorizontalPodAutoscaler").find(
        (h) =>
          h.spec.scaleTargetRef.kind === "Deployment" &&
          h.spec.scaleTargetRef.name === deployment.metadata.name,
      );
      expect(hpa, `${deployment.metadata.name} has no HorizontalPodAutoscaler`).toBeDefined();
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      const pdb = ofKind("PodDisruptionBudget").find((p) =>
        matches(p.spec.selector.matchLabels, deployment.spec.template.metadata.labels),
      );
      expect(pdb, `${deployment.metadata.name} has no PodDisruptionBudget`).toBeDefined();
    }
  });

  test.each(apis)("$name: probes /readyz and /healthz, on its port, behind a Service", ({ name, port }) => {
    const deployment = named("Deployment", name);
    const [container] = podSpecOf(deployment).containers;
    expect(container.ports).toContainEqual({ name: "http", containerPort: port });
    expect(container.readinessProbe.httpGet).toEqual({ path: "/readyz", port: "http" });
    expect(container.livenessProbe.httpGet).toEqual({ path: "/healthz", port: "http" });
    expect(container.env).toContainEqual({ name: "PORT", value: String(port) });
    const service = named("Service", name);
    expect(service.spec.ports).toContainEqual({ name: "http", port, targetPort: "http" });
  });

  test.each(apis)(
    "$name: a migration Job runs the same image against the same database",
    ({ name, databaseKey }) => {
      const job = named("Job", `${name}-migrate`);
      const [migrate] = podSpecOf(job).containers;
      const [server] = podSpecOf(named("Deployment", name)).containers;
      expect(migrate.image).toBe(server.image);
      expect(migrate.command).toEqual(["node", "dist/migrate.js"]);
      const databaseUrl = (container: Loose) =>
        container.env.find((e: Loose) => e.name === "DATABASE_URL").valueFrom.secretKeyRef;
      expect(databaseUrl(migrate).key).toBe(databaseKey);
      expect(databaseUrl(server).key).toBe(databaseKey);
      expect(podSpecOf(job).restartPolicy).toBe("Never");
      // The migration pod must not receive traffic.
      for (const service of ofKind("Service")) {
        expect(matches(service.spec.selector, job.spec.template.metadata.labels), service.metadata.name).toBe(
          false,
        );
      }
    },
  );

  test("every Service selects the pods of one Deployment, on a port they name", () => {
    for (const service of ofKind("Service")) {
      const targets = ofKind("Deployment").filter((d) =>
        matches(service.spec.selector, d.spec.template.metadata.labels),
      );
      expect(
        targets.map((d) => d.metadata.name),
        service.metadata.name,
      ).toHaveLength(1);
      const portNames = podSpecOf(targets[0]).containers.flatMap((c: Loose) =>
        c.ports.map((p: Loose) => p.name),
      );
      for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);
    }
  });

  test("the Ingress routes the web app and the APIs to existing Services and ports", () => {
    const backends = ofKind("Ingress").flatMap((ingress) =>
      ingress.spec.rules.flatMap((rule: Loose) => rule.http.paths.map((path: Loose) => path.backend.service)),
    );
    expect(backends.map((b: Loose) => b.name).sort()).toEqual([
      "inventory-api",
      "notification-api",
      "user-api",
      "web",
    ]);
    for (const backend of backends) {
      const service = named("Service", backend.name);
      expect(service.spec.ports.map((p: Loose) => p.name)).toContain(backend.port.name);
    }
  });

  test("every ConfigMap and Secret a container refers to exists, with the keys it needs", () => {
    const data = (kind: string, name: string) => {
      const resource = named(kind, name);
      expect(resource, `${kind} ${name}`).toBeDefined();
      return { ...resource.data, ...resource.stringData };
    };
    for (const workload of workloads()) {
      for (const container of podSpecOf(workload).containers) {
        for (const source of container.envFrom ?? []) {
          if (source.configMapRef) data("ConfigMap", source.configMapRef.name);
          if (source.secretRef) data("Secret", source.secretRef.name);
        }
        for (const variable of container.env ?? []) {
          const ref = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
          if (!ref) continue;
          const kind = variable.valueFrom.secretKeyRef ? "Secret" : "ConfigMap";
          if (ref.optional) continue;
          expect(Object.keys(data(kind, ref.name)), `${workload.metadata.name}: ${variable.name}`).toContain(
            ref.key,
          );
        }
      }
    }
  });

  test("PostgreSQL, Redis and the session secret come from the Secret", () => {
    const secretKeys = (container: Loose) =>
      Object.fromEntries(
        (container.env ?? [])
          .filter((e: Loose) => e.valueFrom?.secretKeyRef)
          .map((e: Loose) => [e.name, e.valueFrom.secretKeyRef.key]),
      );
    for (const { name, databaseKey } of apis) {
      const [container] = podSpecOf(named("Deployment", name)).containers;
      expect(secretKeys(container)).toMatchObject({ DATABASE_URL: databaseKey, REDIS_URL: "REDIS_URL" });
    }
    const [web] = podSpecOf(named("Deployment", "web")).containers;
    expect(secretKeys(web)).toMatchObject({ AUTH_SECRET: "AUTH_SECRET" });
  });

  test("the Inventory API keeps photos in S3: its replicas share no disk", () => {
    const [container] = podSpecOf(named("Deployment", "inventory-api")).containers;
    const config = Object.assign(
      {},
      ...(container.envFrom ?? [])
        .filter((s: Loose) => s.configMapRef)
        .map((s: Loose) => named("ConfigMap", s.configMapRef.name).data),
    );
    expect(config.S3_BUCKET).toBeTruthy();
    expect(config.PUBLIC_URL).toMatch(/^https:\/\//);
    const ingressHosts = ofKind("Ingress").flatMap((i) => i.spec.rules.map((r: Loose) => r.host));
    expect(ingressHosts).toContain(new URL(config.PUBLIC_URL).host);
    expect(ingressHosts).toContain(new URL(config.AUTH_URL).host);
  });

  test("both APIs read the same REDIS_NAMESPACE", () => {
    const namespaces = apis.map(({ name }) => {
      const [container] = podSpecOf(named("Deployment", name)).containers;
      const direct = container.env?.find((e: Loose) => e.name === "REDIS_NAMESPACE")?.value;
      const fromConfigMaps = (container.envFrom ?? [])
        .filter((s: Loose) => s.configMapRef)
        .map((s: Loose) => named("ConfigMap", s.configMapRef.name).data.REDIS_NAMESPACE);
      return direct ?? fromConfigMaps.find((v: unknown) => v !== undefined);
    });
    expect(namespaces[0]).toBeDefined();
    expect(namespaces[1]).toBe(namespaces[0]);
  });

  test("gives containers only variables the code reads", () => {
    const known = variablesReadByCode();
    const configKeys = ofKind("ConfigMap").flatMap((c) => Object.keys(c.data ?? {}));
    for (const key of configKeys)
      expect(known.has(key), `ConfigMap key ${key} is read by no code`).toBe(true);
    for (const workload of workloads()) {
      for (const container of podSpecOf(workload).containers) {
        for (const variable of container.env ?? []) {
          expect(known.has(variable.name), `${workload.metadata.name}: ${variable.name}`).toBe(true);
        }
      }
    }
  });

  describe("what the network lets through", () => {
    const config = named("ConfigMap", "sharehood-config").data;
    const policies = ofKind("NetworkPolicy");
    const labelsOf = (name: string): Record<string, string> =>
      named("Deployment", name).spec.template.metadata.labels;
    const policiesFor = (labels: Record<string, string>) =>
      policies.filter((policy) => matches(policy.spec.podSelector.matchLabels ?? {}, labels));
    const egressPorts = (labels: Record<string, string>) =>
      policiesFor(labels).flatMap((policy) =>
        (policy.spec.egress ?? []).flatMap((rule: Loose) => (rule.ports ?? []).map((p: Loose) => p.port)),
      );

    test("/metrics is served on a port of its own, which no Service and so no Ingress route reaches", () => {
      const metricsPort = Number(config.METRICS_PORT);
      expect(metricsPort).toBeGreaterThan(0);
      for (const api of apis) {
        expect(metricsPort).not.toBe(api.port);
        const container = podSpecOf(named("Deployment", api.name)).containers[0];
        expect(container.ports).toContainEqual({ name: "metrics", containerPort: metricsPort });
        const service = named("Service", api.name);
        for (const port of service.spec.ports)
          expect([port.targetPort, port.port]).not.toContain(metricsPort);
        expect(service.spec.ports.map((p: Loose) => p.targetPort)).not.toContain("metrics");
      }
      const backendPorts = ofKind("Ingress").flatMap((ingress) =>
        ingress.spec.rules.flatMap((rule: Loose) =>
          rule.http.paths.map((path: Loose) => path.backend.service.port),
        ),
      );
      expect(new Set(backendPorts.map((port: Loose) => port.name))).toEqual(new Set(["http"]));
    });

    test("TRUST_PROXY names the ingress controller's addresses, not every private range", () => {
      const trusted = String(config.TRUST_PROXY)
        .split(",")
        .map((entry) => entry.trim());
      for (const entry of trusted) {
        expect(["true", "uniquelocal", "linklocal", "*"]).not.toContain(entry);
        const prefix = /\/(\d+)$/.exec(entry)?.[1];
        if (prefix !== undefined) expect(Number(prefix), entry).toBeGreaterThanOrEqual(12);
      }
    });

    test("everything is refused unless a policy allows it, in and out", () => {
      const deny = named("NetworkPolicy", "default-deny");
      expect(deny.spec.podSelector).toEqual({});
      expect([...deny.spec.policyTypes].sort()).toEqual(["Egress", "Ingress"]);
      expect(deny.spec.ingress ?? []).toEqual([]);
      expect(deny.spec.egress ?? []).toEqual([]);
    });

    test("only the APIs and their migrations may reach PostgreSQL; Redis also the web app's page cache", () => {
      const databasePorts = [5432, 6379, 6380];
      const redisPorts = [6379, 6380];
      for (const workload of workloads()) {
        const labels = workload.spec.template.metadata.labels;
        const ports: number[] = egressPorts(labels);
        const isApiSide = ["api", "migration"].includes(labels["app.kubernetes.io/component"]);
        const isWeb = labels["app.kubernetes.io/name"] === "web";
        expect(ports.includes(5432), `${workload.metadata.name} to PostgreSQL`).toBe(isApiSide);
        // Beside the API side (whose migrations may reach it too), only the web app's page cache.
        if (!isApiSide)
          expect(
            ports.some((port) => redisPorts.includes(port)),
            `${workload.metadata.name} to Redis`,
          ).toBe(isWeb);
      }
      // No policy opens a database port to every destination pod in the namespace by accident.
      for (const policy of policies)
        for (const rule of policy.spec.egress ?? [])
          if ((rule.ports ?? []).some((p: Loose) => databasePorts.includes(p.port)))
            expect(
              Object.keys(policy.spec.podSelector.matchLabels ?? {}),
              policy.metadata.name,
            ).not.toHaveLength(0);
    });

    test("only the ingress controller, the web app and the APIs that validate tokens reach the APIs", () => {
      const allowedSources = (labels: Record<string, string>) =>
        policiesFor(labels).flatMap((policy) =>
          (policy.spec.ingress ?? []).flatMap((rule: Loose) =>
            (rule.from ?? []).map((peer: Loose) =>
              peer.podSelector
                ? `pod:${peer.podSelector.matchLabels["app.kubernetes.io/name"]}`
                : `namespace:${peer.namespaceSelector.matchLabels["kubernetes.io/metadata.name"]}`,
            ),
          ),
        );
      expect(new Set(allowedSources(labelsOf("user-api")))).toEqual(
        new Set([
          "namespace:ingress-nginx",
          "pod:web",
          "pod:inventory-api",
          "pod:notification-api",
          "namespace:monitoring",
        ]),
      );
      for (const api of ["inventory-api", "notification-api"])
        expect(new Set(allowedSources(labelsOf(api))), api).toEqual(
          new Set(["namespace:ingress-nginx", "pod:web", "namespace:monitoring"]),
        );
      expect(new Set(allowedSources(labelsOf("web")))).toEqual(new Set(["namespace:ingress-nginx"]));
      // Prometheus gets the metrics port and nothing else.
      for (const api of apis)
        for (const policy of policiesFor(labelsOf(api.name)))
          for (const rule of policy.spec.ingress ?? [])
            if (
              rule.from.some(
                (peer: Loose) =>
                  peer.namespaceSelector?.matchLabels["kubernetes.io/metadata.name"] === "monitoring",
              )
            )
              expect(rule.ports).toEqual([{ protocol: "TCP", port: Number(config.METRICS_PORT) }]);
    });
  });
});
