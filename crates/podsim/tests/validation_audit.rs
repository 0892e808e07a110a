//! The apiserver's messages for every field podsim models, checked against
//! `pkg/apis/core/validation/validation.go` (the 1.33-era copy read for docs/validation-audit.md;
//! each test names the upstream function and the item of that audit) and, where the message
//! or the field differs by version, against each version's source (docs/versions.md §11).
//! Each test is one message (or one set of messages the apiserver gives together).

use podsim::api::{self, Severity};
use podsim::cluster::{Cluster, ClusterSpec, KubeVersion};

fn pod(spec: &str) -> String {
    format!("apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n{spec}")
}

fn one_container(extra: &str) -> String {
    pod(&format!(
        "  containers:\n  - name: web\n    image: nginx\n{extra}"
    ))
}

fn cluster(v: &str, gates: &[(&str, bool)]) -> Cluster {
    ClusterSpec {
        kubernetes: Some(KubeVersion::parse(v).unwrap()),
        feature_gates: gates.iter().map(|(k, b)| (k.to_string(), *b)).collect(),
        ..Default::default()
    }
    .resolve()
    .unwrap()
}

/// The error messages on `c`, in order.
fn errors_on(text: &str, c: &Cluster) -> Vec<String> {
    api::load_on(text, c)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message.clone())
        .collect()
}

fn errors(text: &str) -> Vec<String> {
    errors_on(text, &Cluster::default())
}

fn warnings_on(text: &str, c: &Cluster) -> Vec<String> {
    api::load_on(text, c)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .map(|d| d.message.clone())
        .collect()
}

/// Audit 1 — validateResourceRequirements: `field.Invalid(reqPath, quantity.String(), …)`,
/// reqPath being `resources.requests` without the key; the quantities in canonical form.
#[test]
fn a_request_above_its_limit_is_reported_on_requests() {
    assert_eq!(
        errors(&one_container(
            "    resources:\n      limits: {cpu: 1000m}\n      requests: {cpu: 2000m}\n"
        )),
        ["spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1"]
    );
    // Resources that cannot be overcommitted must be equal, and need a limit.
    assert_eq!(
        errors(&one_container(
            "    resources:\n      limits: {example.com/gpu: \"2\"}\n      requests: {example.com/gpu: \"1\"}\n"
        )),
        ["spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2"]
    );
    assert_eq!(
        errors(&one_container(
            "    resources:\n      requests: {example.com/gpu: \"1\"}\n"
        )),
        ["spec.containers[0].resources.limits: Required value: Limit must be set for non overcommitable resources"]
    );
}

/// Audit 2 — validateContainerResourceName after validateResourceName: `foo` is neither
/// standard nor qualified and not for containers; `pods` is standard, not for containers.
/// Defaulting copies the limits to the requests, which are checked the same way.
#[test]
fn resource_names_for_containers() {
    assert_eq!(
        errors(&one_container("    resources:\n      limits: {foo: \"1\", pods: \"1\"}\n")),
        [
            "spec.containers[0].resources.limits[foo]: Invalid value: \"foo\": must be a standard resource type or fully qualified",
            "spec.containers[0].resources.limits[foo]: Invalid value: \"foo\": must be a standard resource for containers",
            "spec.containers[0].resources.limits[pods]: Invalid value: \"pods\": must be a standard resource for containers",
            "spec.containers[0].resources.requests[foo]: Invalid value: \"foo\": must be a standard resource type or fully qualified",
            "spec.containers[0].resources.requests[foo]: Invalid value: \"foo\": must be a standard resource for containers",
            "spec.containers[0].resources.requests[pods]: Invalid value: \"pods\": must be a standard resource for containers",
        ]
    );
    // ValidateResourceQuantityValue: an extended resource is counted in whole units.
    assert_eq!(
        errors(&one_container("    resources:\n      limits: {example.com/gpu: 500m}\n")),
        [
            "spec.containers[0].resources.limits[example.com/gpu]: Invalid value: \"500m\": must be an integer",
            "spec.containers[0].resources.requests[example.com/gpu]: Invalid value: \"500m\": must be an integer",
        ]
    );
}

/// Audit 3 — validateSleepAction: on `…sleep`, bounded by terminationGracePeriodSeconds; the
/// words per version: 1.31 (before KEP-4818), 1.32 (PodLifecycleSleepActionAllowZero alpha,
/// off), 1.33+ (beta, on).
#[test]
fn a_sleep_hook_within_the_grace_period() {
    let text = pod("  terminationGracePeriodSeconds: 10\n  containers:\n  - name: web\n    image: nginx\n    lifecycle:\n      postStart: {sleep: {seconds: 0}}\n      preStop: {sleep: {seconds: 20}}\n");
    assert_eq!(
        errors(&text),
        ["spec.containers[0].lifecycle.preStop.sleep: Invalid value: 20: must be non-negative and less than terminationGracePeriodSeconds (10)"]
    );
    assert_eq!(
        errors_on(&text, &cluster("1.32", &[])),
        [
            "spec.containers[0].lifecycle.postStart.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (10). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.",
            "spec.containers[0].lifecycle.preStop.sleep: Invalid value: 20: must be greater than 0 and less than terminationGracePeriodSeconds (10). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.",
        ]
    );
    assert_eq!(
        errors_on(&text, &cluster("1.31", &[])),
        [
            "spec.containers[0].lifecycle.postStart.sleep: Invalid value: 0: must be greater than 0 and less than terminationGracePeriodSeconds (10)",
            "spec.containers[0].lifecycle.preStop.sleep: Invalid value: 20: must be greater than 0 and less than terminationGracePeriodSeconds (10)",
        ]
    );
    // pkg/api/pod/util.go dropPodLifecycleSleepAction: with its gate off (1.31–1.33 may turn
    // it off) the sleep is dropped before validation, and the empty hook with it.
    let off = cluster("1.33", &[("PodLifecycleSleepAction", false)]);
    let loaded = api::load_on(&text, &off);
    assert!(loaded.is_valid(), "{:?}", loaded.diagnostics);
    let c = &loaded.defaulted.unwrap().pod.spec.containers[0];
    assert!(c.lifecycle.is_none());
    assert_eq!(
        warnings_on(&text, &off)[0],
        "podlab: the apiserver dropped spec.containers[0].lifecycle.postStart.sleep without a word: feature gate PodLifecycleSleepAction is off on this Kubernetes 1.33 cluster"
    );
}

/// Audit 4 — ValidateTolerations, `TolerationOpExists` with a value: the value from 1.32
/// (#128119); 1.31 passed the toleration itself, printed in Go syntax.
#[test]
fn an_exists_toleration_with_a_value() {
    let text = pod("  tolerations:\n  - {key: pool, operator: Exists, value: build, effect: NoSchedule}\n  containers:\n  - {name: web, image: nginx}\n");
    assert_eq!(
        errors(&text),
        ["spec.tolerations[0].operator: Invalid value: \"build\": value must be empty when `operator` is 'Exists'"]
    );
    assert_eq!(
        errors_on(&text, &cluster("1.31", &[])),
        ["spec.tolerations[0].operator: Invalid value: core.Toleration{Key:\"pool\", Operator:\"Exists\", Value:\"build\", Effect:\"NoSchedule\", TolerationSeconds:(*int64)(nil)}: value must be empty when `operator` is 'Exists'"]
    );
}

/// Audit 5 — ValidatePodSpec only requires the grace period; pkg/api/pod/warnings.go warns
/// about a negative one.
#[test]
fn a_negative_grace_period_is_a_warning() {
    let text =
        pod("  terminationGracePeriodSeconds: -5\n  containers:\n  - {name: web, image: nginx}\n");
    let loaded = api::load(&text);
    assert!(loaded.is_valid(), "{:?}", loaded.diagnostics);
    assert_eq!(
        warnings_on(&text, &Cluster::default()),
        ["spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1"]
    );
}

/// Audit 6 — ValidateEnvFrom: `field.Invalid(fldPath, "", …)` on the list, not the entry.
#[test]
fn an_env_from_entry_without_a_source() {
    assert_eq!(
        errors(&one_container("    envFrom:\n    - prefix: X_\n")),
        ["spec.containers[0].envFrom: Invalid value: \"\": must specify one of: `configMapRef` or `secretRef`"]
    );
}

/// Audit 7 — validateEnvVarValueFrom: each source's own errors first, then one of: no
/// source / a value beside it / several sources.
#[test]
fn value_from_with_a_value_and_two_sources() {
    assert_eq!(
        errors(&one_container("    env:\n    - name: X\n      value: x\n      valueFrom:\n        fieldRef: {fieldPath: status.phase}\n        configMapKeyRef: {name: cm, key: k}\n")),
        [
            "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"status.phase\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\"",
            "spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not be specified when `value` is not empty",
        ]
    );
    assert_eq!(
        errors(&one_container("    env:\n    - name: X\n      valueFrom:\n        fieldRef: {fieldPath: metadata.name}\n        configMapKeyRef: {name: cm, key: k}\n")),
        ["spec.containers[0].env[0].valueFrom: Invalid value: \"\": may not have more than one field specified at a time"]
    );
}

/// Audit 8 — validateObjectFieldSelector: ConvertDownwardAPIFieldLabel first; a subscript
/// only on labels and annotations; env vars read 9 paths without a subscript.
#[test]
fn field_paths_an_env_var_may_read() {
    let env = |path: &str| {
        errors(&one_container(&format!(
            "    env:\n    - name: X\n      valueFrom:\n        fieldRef: {{fieldPath: \"{path}\"}}\n"
        )))
    };
    assert_eq!(
        env("spec.foo"),
        ["spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"spec.foo\": error converting fieldPath: field label not supported: spec.foo"]
    );
    assert_eq!(
        env("metadata.name['x']"),
        ["spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Invalid value: \"metadata.name['x']\": error converting fieldPath: field label does not support subscript: metadata.name['x']"]
    );
    assert!(env("metadata.labels")[0].ends_with("Unsupported value: \"metadata.labels\": supported values: \"metadata.name\", \"metadata.namespace\", \"metadata.uid\", \"spec.nodeName\", \"spec.serviceAccountName\", \"status.hostIP\", \"status.hostIPs\", \"status.podIP\", \"status.podIPs\""));
    assert!(env("metadata.labels['app']").is_empty());
    assert!(env("status.podIP").is_empty());
}

/// Audit 9 — validateContainerResourceFieldSelector (`sets.List`: sorted) and
/// validateContainerResourceDivisor (the resource's name is the value printed).
#[test]
fn resource_field_refs_and_divisors() {
    let env = |r: &str| {
        errors(&one_container(&format!(
            "    env:\n    - name: X\n      valueFrom:\n        resourceFieldRef: {r}\n"
        )))
    };
    assert_eq!(
        env("{resource: limits.gpu}"),
        ["spec.containers[0].env[0].valueFrom.resourceFieldRef.resource: Unsupported value: \"limits.gpu\": supported values: \"limits.cpu\", \"limits.ephemeral-storage\", \"limits.memory\", \"requests.cpu\", \"requests.ephemeral-storage\", \"requests.memory\""]
    );
    assert_eq!(
        env("{resource: limits.cpu, divisor: 10m}"),
        ["spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: Invalid value: \"limits.cpu\": only divisor's values 1m and 1 are supported with the cpu resource"]
    );
    assert_eq!(
        env("{resource: requests.memory, divisor: 2Mi}"),
        ["spec.containers[0].env[0].valueFrom.resourceFieldRef.divisor: Invalid value: \"requests.memory\": only divisor's values 1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei are supported with the memory resource"]
    );
    assert!(env("{resource: limits.memory, divisor: 1Mi}").is_empty());
}

/// Audit 10 and 16 — validateConfigMapKeySelector: the name is a DNS subdomain (an empty one
/// is invalid, not required), the key a config key; no container-name hint there.
#[test]
fn config_map_key_refs() {
    let text = one_container("    env:\n    - name: X\n      valueFrom:\n        configMapKeyRef: {name: \"\", key: \"a b\"}\n");
    let loaded = api::load(&text);
    let msgs: Vec<&str> = loaded
        .diagnostics
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        msgs,
        [
            "spec.containers[0].env[0].valueFrom.configMapKeyRef.name: Invalid value: \"\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
            "spec.containers[0].env[0].valueFrom.configMapKeyRef.key: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
        ]
    );
    assert!(loaded.diagnostics.iter().all(|d| d.hint.is_none()));
}

/// Audit 11 — ValidateVolumeMounts.
#[test]
fn volume_mounts() {
    let text = pod("  volumes:\n  - name: v\n  - name: Bad\n  containers:\n  - name: web\n    image: nginx\n    volumeMounts:\n    - {name: \"\", mountPath: /a}\n    - {name: v, mountPath: /a}\n    - {name: Bad, mountPath: /b, subPath: /abs}\n");
    assert_eq!(
        errors(&text),
        [
            "spec.volumes[1].name: Invalid value: \"Bad\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
            "spec.containers[0].volumeMounts[0].name: Required value",
            "spec.containers[0].volumeMounts[0].name: Not found: \"\"",
            "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/a\": must be unique",
            "spec.containers[0].volumeMounts[2].name: Not found: \"Bad\"",
            "spec.containers[0].volumeMounts.subPath: Invalid value: \"/abs\": must be a relative path",
        ]
    );
}

/// Audit 12 — ValidateVolumes: the source's errors come before the name's.
#[test]
fn a_volume_source_before_its_name() {
    assert_eq!(
        errors(&pod("  volumes:\n  - name: \"\"\n    configMap: {name: \"\"}\n  containers:\n  - {name: web, image: nginx}\n")),
        [
            "spec.volumes[0].configMap.name: Required value",
            "spec.volumes[0].name: Required value",
        ]
    );
}

/// Audit 13 — validateKeyToPath, ValidateLocalNonReservedPath (each rule reported), modes.
#[test]
fn config_map_item_paths_and_modes() {
    assert_eq!(
        errors(&pod("  volumes:\n  - name: v\n    configMap:\n      name: cm\n      defaultMode: 1000\n      items:\n      - {key: k, path: /../x}\n      - {key: k2, path: ..y, mode: -1}\n  containers:\n  - {name: web, image: nginx}\n")),
        [
            "spec.volumes[0].configMap.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive",
            "spec.volumes[0].configMap.items[0].path: Invalid value: \"/../x\": must be a relative path",
            "spec.volumes[0].configMap.items[0].path: Invalid value: \"/../x\": must not contain '..'",
            "spec.volumes[0].configMap.items[1].path: Invalid value: \"..y\": must not start with '..'",
            "spec.volumes[0].configMap.items[1].mode: Invalid value: -1: must be a number between 0 and 0777 (octal), both inclusive",
        ]
    );
}

/// Audit 14 — checkHostPortConflicts / AccumulateUniqueHostPorts: regular containers
/// together; each init container alone, always as index 0 (upstream passes a one-element
/// list).
#[test]
fn host_port_conflicts() {
    assert_eq!(
        errors(&pod("  containers:\n  - {name: a, image: nginx, ports: [{containerPort: 80, hostPort: 8080}]}\n  - {name: b, image: nginx, ports: [{containerPort: 81, hostPort: 8080}]}\n")),
        ["spec.containers[1].ports[0].hostPort: Duplicate value: \"TCP//8080\""]
    );
    assert_eq!(
        errors(&pod("  initContainers:\n  - {name: i1, image: busybox}\n  - {name: i2, image: busybox, ports: [{containerPort: 80, hostPort: 9}, {containerPort: 81, hostPort: 9}]}\n  containers:\n  - {name: a, image: nginx}\n")),
        ["spec.initContainers[0].ports[1].hostPort: Duplicate value: \"TCP//9\""]
    );
}

/// Audit 15 — ValidateConfigMap: `data[KEY]`.
#[test]
fn config_map_keys() {
    assert_eq!(
        errors("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {\"bad key\": x}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: web, image: nginx}\n"),
        ["data[bad key]: Invalid value: \"bad key\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"]
    );
}

/// Audit 17 — KEP-5307 per version: an unknown field up to 1.33; dropped on 1.34 with the gate
/// off (dropContainerRestartRules, pkg/api/pod/util.go); validated from 1.35
/// (validateContainerRestartPolicy, PR #132642; "Too long … bytes" became "Too many … items"
/// in 1.36, #137136).
#[test]
fn restart_rules_per_version() {
    let text = pod("  restartPolicy: Never\n  containers:\n  - name: web\n    image: nginx\n    restartPolicy: Never\n    restartPolicyRules:\n    - action: Restart\n      exitCodes: {operator: In, values: [42]}\n");
    let on = |v: &str| api::load_on(&text, &cluster(v, &[]));
    let l = on("1.33");
    assert_eq!(
        l.diagnostics[0].message,
        "strict decoding error: unknown field \"spec.containers[0].restartPolicyRules\""
    );
    let l = on("1.34");
    assert!(l.is_valid(), "{:?}", l.diagnostics);
    let c = &l.defaulted.as_ref().unwrap().pod.spec.containers[0];
    assert!(c.restart_policy.is_none() && c.restart_policy_rules.is_empty());
    assert_eq!(l.diagnostics.len(), 2, "{:?}", l.diagnostics);
    let l = on("1.35");
    assert!(
        l.is_valid() && l.diagnostics.is_empty(),
        "{:?}",
        l.diagnostics
    );
    assert!(
        api::load_on(&text, &cluster("1.34", &[("ContainerRestartRules", true)]))
            .diagnostics
            .is_empty()
    );

    let bad = pod(&format!("  containers:\n  - name: web\n    image: nginx\n    restartPolicy: Sometimes\n    restartPolicyRules:\n    - action: Stop\n      exitCodes: {{operator: Is, values: [{}]}}\n    - action: Restart\n", (0..256).map(|i| i.to_string()).collect::<Vec<_>>().join(", ")));
    let e35 = errors_on(&bad, &cluster("1.35", &[]));
    assert_eq!(
        e35,
        [
            "spec.containers[0].restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
            "spec.containers[0].restartPolicyRules[0].action: Unsupported value: \"Stop\": supported values: \"Restart\"",
            "spec.containers[0].restartPolicyRules[0].exitCodes.operator: Unsupported value: \"Is\": supported values: \"In\", \"NotIn\"",
            "spec.containers[0].restartPolicyRules[0].exitCodes.values: Too long: may not be more than 255 bytes",
            "spec.containers[0].restartPolicyRules[1].exitCodes: Required value: must be specified",
        ]
    );
    let e37 = errors_on(&bad, &Cluster::default());
    assert_eq!(
        e37[1],
        "spec.containers[0].restartPolicyRules[0].action: Unsupported value: \"Stop\": supported values: \"Restart\", \"RestartAllContainers\""
    );
    assert_eq!(
        e37[3],
        "spec.containers[0].restartPolicyRules[0].exitCodes.values: Too many: 256: must have at most 255 items"
    );
}

/// Audit 18 — ValidateEnv: IsEnvVarName up to 1.31 (RelaxedEnvironmentVariableValidation
/// alpha, off), IsRelaxedEnvVarName from 1.32.
#[test]
fn env_var_names_per_version() {
    let text = one_container("    env:\n    - {name: 1-MY VAR, value: x}\n");
    assert!(errors(&text).is_empty());
    assert_eq!(
        errors_on(&text, &cluster("1.31", &[])),
        ["spec.containers[0].env[0].name: Invalid value: \"1-MY VAR\": a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')"]
    );
    assert_eq!(
        errors(&one_container("    env:\n    - {name: \"A=B\", value: x}\n")),
        ["spec.containers[0].env[0].name: Invalid value: \"A=B\": a valid environment variable name must consist only of printable ASCII characters other than '='"]
    );
}

/// pkg/api/pod/util.go: SidecarContainers off (1.31–1.32 may turn it off) drops an init
/// container's restartPolicy; what was a sidecar is then an init container, and its probe is
/// forbidden.
#[test]
fn sidecars_with_their_gate_off() {
    let text = pod("  initContainers:\n  - name: log\n    image: busybox\n    restartPolicy: Always\n    startupProbe: {exec: {command: [\"true\"]}}\n  containers:\n  - {name: web, image: nginx}\n");
    assert!(errors_on(&text, &cluster("1.31", &[])).is_empty());
    assert_eq!(
        errors_on(&text, &cluster("1.31", &[("SidecarContainers", false)])),
        ["spec.initContainers[0].startupProbe: Forbidden: may not be set for init containers without restartPolicy=Always"]
    );
}

/// validateContainerOnlyForPod: no whitespace around an image.
#[test]
fn an_image_with_whitespace() {
    assert_eq!(
        errors(&pod("  containers:\n  - {name: web, image: \" nginx\"}\n")),
        ["spec.containers[0].image: Invalid value: \" nginx\": must not have leading or trailing whitespace"]
    );
}
