//! The apiserver's strictness, rule by rule: for each rule a bad manifest, the exact message
//! (the apiserver's words) and the exact position the editor underlines. Also: every example
//! manifest validates cleanly, defaulting fills what the cluster fills, hostile input is
//! refused quickly, and editor completion/hover work on half-typed and Korean text.

use podsim::api::{self, Severity};
use podsim::schema::{self, Lang};
use std::time::Instant;

#[path = "common/hostile.rs"]
mod hostile;
use hostile::pod;

/// `LINE:COL: MESSAGE` for every error.
fn errors(text: &str) -> Vec<String> {
    api::load(text)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}: {}", d.span.line, d.span.col, d.message))
        .collect()
}

/// `LINE:COL: MESSAGE` for every error, as version `v`'s apiserver says them.
fn errors_on(text: &str, v: &str) -> Vec<String> {
    let v = podsim::cluster::KubeVersion::parse(v).unwrap();
    api::load_on(text, &podsim::cluster::Cluster::of(v))
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}: {}", d.span.line, d.span.col, d.message))
        .collect()
}

fn one(text: &str, want: &str) {
    let got = errors(text);
    assert_eq!(got, vec![want.to_string()], "\n{text}");
}

#[test]
fn examples_validate_cleanly() {
    let dir = format!("{}/tests/examples", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "yaml") {
            let l = api::load(&std::fs::read_to_string(&p).unwrap());
            assert!(
                l.defaulted.is_some(),
                "{}: {:?}",
                p.display(),
                l.diagnostics
            );
            assert!(
                l.diagnostics.is_empty(),
                "{}: {:?}",
                p.display(),
                l.diagnostics
            );
            n += 1;
        }
    }
    assert_eq!(n, 10);
}

#[test]
fn required_values() {
    one(
        &pod("  containers:\n  - name: app\n"),
        "7:5: spec.containers[0].image: Required value",
    );
    one(
        &pod("  containers: []\n"),
        "6:3: spec.containers: Required value",
    );
    one(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {a: b}\nspec:\n  containers:\n  - {name: a, image: nginx}\n",
        "3:1: metadata.name: Required value: name or generateName is required",
    );
    one(
        &pod("  containers:\n  - image: nginx\n"),
        "7:5: spec.containers[0].name: Required value",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    ports:\n    - name: http\n"),
        "10:7: spec.containers[0].ports[0].containerPort: Required value",
    );
}

#[test]
fn invalid_names_use_the_dns_messages() {
    one(
        &pod("  containers:\n  - name: Web_1\n    image: nginx\n"),
        "7:11: spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
    one(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_Pod\nspec:\n  containers:\n  - {name: a, image: nginx}\n",
        "4:9: metadata.name: Invalid value: \"My_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    one(
        &pod("  containers:\n  - name: a.b\n    image: nginx\n"),
        "7:11: spec.containers[0].name: Invalid value: \"a.b\": must not contain dots",
    );
}

#[test]
fn unsupported_values_list_what_is_supported() {
    one(
        &pod("  restartPolicy: Sometimes\n  containers:\n  - {name: a, image: nginx}\n"),
        "6:18: spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", \"Never\"",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    imagePullPolicy: Sometimes\n"),
        "9:22: spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"IfNotPresent\", \"Never\"",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: 80\n      protocol: HTTP\n"),
        "11:17: spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
    );
}

#[test]
fn duplicates() {
    one(
        &pod("  initContainers:\n  - {name: app, image: busybox}\n  containers:\n  - {name: app, image: nginx}\n"),
        "7:12: spec.initContainers[0].name: Duplicate value: \"app\"",
    );
    one(
        &pod("  containers:\n  - {name: a, image: nginx}\n  - {name: a, image: nginx}\n"),
        "8:12: spec.containers[1].name: Duplicate value: \"a\"",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    ports:\n    - {name: http, containerPort: 80}\n    - {name: http, containerPort: 81}\n"),
        "11:14: spec.containers[0].ports[1].name: Duplicate value: \"http\"",
    );
}

#[test]
fn forbidden_on_regular_init_containers() {
    for (field, line) in [
        ("readinessProbe", 9),
        ("livenessProbe", 9),
        ("startupProbe", 9),
        ("lifecycle", 9),
    ] {
        let body = if field == "lifecycle" {
            "postStart: {exec: {command: [\"true\"]}}"
        } else {
            "exec: {command: [\"true\"]}"
        };
        let text = pod(&format!("  initContainers:\n  - name: init\n    image: busybox\n    {field}:\n      {body}\n  containers:\n  - {{name: a, image: nginx}}\n"));
        one(&text, &format!("{line}:5: spec.initContainers[0].{field}: Forbidden: may not be set for init containers without restartPolicy=Always"));
    }
    // A sidecar may have them.
    let ok = pod("  initContainers:\n  - name: side\n    image: busybox\n    restartPolicy: Always\n    readinessProbe:\n      exec: {command: [\"true\"]}\n  containers:\n  - {name: a, image: nginx}\n");
    assert!(errors(&ok).is_empty());
    // Up to 1.33 only an init container has a restartPolicy; from 1.35 (ContainerRestartRules
    // on) any container may.
    let app = pod("  containers:\n  - {name: a, image: nginx, restartPolicy: Always}\n");
    assert_eq!(
        errors_on(&app, "1.33"),
        ["7:44: spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers"]
    );
    assert!(errors(&app).is_empty());
}

#[test]
fn probe_rules() {
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n      successThreshold: 2\n      exec: {command: [\"true\"]}\n"),
        "10:25: spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n      exec: {command: [\"true\"]}\n      tcpSocket: {port: 80}\n"),
        "11:7: spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    readinessProbe:\n      periodSeconds: 5\n"),
        "9:5: spec.containers[0].readinessProbe: Required value: must specify a handler type",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    readinessProbe:\n      terminationGracePeriodSeconds: 10\n      httpGet: {port: 80}\n"),
        "10:38: spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 10: must not be set for readinessProbes",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n      initialDelaySeconds: -1\n      httpGet: {port: 80}\n"),
        "10:28: spec.containers[0].livenessProbe.initialDelaySeconds: Invalid value: -1: must be greater than or equal to 0",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n      httpGet: {port: 70000}\n"),
        "10:23: spec.containers[0].livenessProbe.httpGet.port: Invalid value: 70000: must be between 1 and 65535, inclusive",
    );
    // A probe naming a port no container port has is accepted, with a warning.
    let l = api::load(&pod("  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n      httpGet: {port: http}\n"));
    assert!(l.defaulted.is_some());
    let w: Vec<_> = l
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .collect();
    assert_eq!(w.len(), 1);
    assert!(
        w[0].message.contains("no port named \"http\""),
        "{}",
        w[0].message
    );
}

#[test]
fn numeric_bounds_and_quantities() {
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: 70000\n"),
        "10:22: spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
    );
    one(
        &pod("  activeDeadlineSeconds: 0\n  containers:\n  - {name: a, image: nginx}\n"),
        "6:26: spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    resources:\n      limits: {cpu: 500m}\n      requests: {cpu: \"1\"}\n"),
        "11:23: spec.containers[0].resources.requests: Invalid value: \"1\": must be less than or equal to cpu limit of 500m",
    );
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    resources:\n      limits: {memory: lots}\n"),
        "10:24: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
}

#[test]
fn strict_decoding_and_types() {
    let l = api::load(&pod("  containers:\n  - name: a\n    imagee: nginx\n"));
    let d = &l.diagnostics[0];
    assert_eq!(
        d.message,
        "strict decoding error: unknown field \"spec.containers[0].imagee\""
    );
    let hint = d.hint.as_ref().expect("a hint");
    assert_eq!(hint.en, "did you mean \"image\"?");
    assert_eq!(hint.ko, "혹시 \"image\"인가요?");
    assert_eq!((d.span.line, d.span.col, d.span.end_col), (8, 5, 11));
    one(
        &pod("  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: \"8080\"\n"),
        "10:22: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32",
    );
    one(
        "apiVersion: apps/v1\nkind: Pod\nmetadata: {name: x}\n",
        "1:13: no matches for kind \"Pod\" in version \"apps/v1\"",
    );
    let e = errors("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\n");
    assert!(
        e[0].starts_with("2:7: kind \"Deployment\" is not supported here"),
        "{e:?}"
    );
}

#[test]
fn services_and_config_maps_beside_the_pod() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - {name: a, image: nginx}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web-svc}\nspec:\n  selector: {app: web}\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata: {key: value}\n";
    let l = api::load(text);
    let m = l.defaulted.expect("valid");
    assert_eq!(m.services.len(), 1);
    assert_eq!(m.config_maps.len(), 1);
    let bad = text.replace("web-svc", "1svc");
    assert!(
        errors(&bad)[0]
            .starts_with("10:18: metadata.name: Invalid value: \"1svc\": a DNS-1035 label"),
        "{:?}",
        errors(&bad)
    );
}

#[test]
fn defaulting_fills_what_the_cluster_fills() {
    let l = api::load(&pod("  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: 80\n    livenessProbe:\n      httpGet: {port: 80}\n"));
    let p = l.defaulted.unwrap().pod;
    let c = &p.spec.containers[0];
    assert_eq!(p.spec.restart_policy.as_deref(), Some("Always"));
    assert_eq!(p.spec.termination_grace_period_seconds, Some(30));
    assert_eq!(p.spec.dns_policy.as_deref(), Some("ClusterFirst"));
    assert_eq!(p.spec.scheduler_name.as_deref(), Some("default-scheduler"));
    assert_eq!(p.spec.enable_service_links, Some(true));
    assert_eq!(p.spec.service_account_name.as_deref(), Some("default"));
    assert_eq!(p.spec.tolerations.len(), 2);
    assert_eq!(p.spec.tolerations[0].toleration_seconds, Some(300));
    assert_eq!(
        c.image_pull_policy.as_deref(),
        Some("Always"),
        "untagged means latest"
    );
    assert_eq!(
        c.termination_message_path.as_deref(),
        Some("/dev/termination-log")
    );
    assert_eq!(c.termination_message_policy.as_deref(), Some("File"));
    assert_eq!(c.ports[0].protocol.as_deref(), Some("TCP"));
    let probe = c.liveness_probe.as_ref().unwrap();
    assert_eq!(
        (
            probe.period_seconds,
            probe.timeout_seconds,
            probe.success_threshold,
            probe.failure_threshold
        ),
        (Some(10), Some(1), Some(1), Some(3))
    );
    let h = probe.http_get.as_ref().unwrap();
    assert_eq!(
        (h.path.as_deref(), h.scheme.as_deref()),
        (Some("/"), Some("HTTP"))
    );
    assert!(c
        .volume_mounts
        .iter()
        .any(|m| m.mount_path == "/var/run/secrets/kubernetes.io/serviceaccount"));
    assert!(p
        .spec
        .volumes
        .iter()
        .any(|v| v.name.starts_with("kube-api-access-")));
    let yaml = api::defaulted_yaml(&l_again());
    assert!(yaml.contains("imagePullPolicy: Always\n"), "{yaml}");
    assert!(
        yaml.starts_with("apiVersion: v1\nkind: Pod\nmetadata:\n"),
        "{yaml}"
    );
}

fn l_again() -> podsim::model::Manifest {
    api::load(&pod("  containers:\n  - {name: a, image: nginx}\n"))
        .defaulted
        .unwrap()
}

#[test]
fn hostile_input_is_refused_quickly_with_a_clear_message() {
    for (name, c, want) in hostile::cases() {
        let t = Instant::now();
        let l = api::load(&c);
        // A freeze guard, not a benchmark (the benchmarks measure the real figures).
        assert!(
            t.elapsed().as_millis() < 1500,
            "{name}: took {:?}",
            t.elapsed()
        );
        let messages: Vec<&str> = l.diagnostics.iter().map(|d| d.message.as_str()).collect();
        if want.is_empty() {
            assert!(l.defaulted.is_some(), "{name}: refused with {messages:?}");
            continue;
        }
        assert!(
            messages.iter().any(|m| m.contains(want)),
            "{name}: wanted {want:?} in {messages:?}"
        );
    }
}

/// `periodSeconds: 0` is not an error: the apiserver defaults 0 to 10.
#[test]
fn zero_periods_are_defaulted() {
    let l = api::load(&pod("  containers:\n  - name: a\n    image: nginx\n    livenessProbe:\n      periodSeconds: 0\n      exec: {command: [x]}\n"));
    let m = l.defaulted.expect("valid");
    let probe = m.pod.spec.containers[0].liveness_probe.as_ref().unwrap();
    assert_eq!(probe.period_seconds, Some(10));
}

#[test]
fn completion_and_hover() {
    let text =
        "# 한글 주석 🚀\napiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: web\n    ima";
    let pos = text.encode_utf16().count();
    let c: Vec<String> = schema::complete(text, pos, Lang::En)
        .into_iter()
        .map(|c| c.label)
        .collect();
    assert_eq!(c, ["image", "imagePullPolicy"]);
    let text = "spec:\n  containers:\n  - name: web\n    imagePullPolicy: ";
    let c = schema::complete(text, text.encode_utf16().count(), Lang::Ko);
    let labels: Vec<&str> = c.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Always", "IfNotPresent", "Never"]);
    let text = "# 파드\nspec:\n  containers:\n  - name: web\n    readinessProbe:\n";
    let at = text.find("readiness").unwrap();
    let h = schema::hover(text, text[..at].encode_utf16().count() + 2, Lang::Ko).unwrap();
    assert_eq!(h.title, "spec.containers[].readinessProbe (Probe)");
    assert!(h.body.contains("트래픽"), "{}", h.body);
}

#[test]
fn every_hint_is_in_english_and_korean() {
    let broken = [
        "apiVersion: v1\nmetadata: {name: a}\n",
        "kind: Pod\nmetadata: {name: a}\n",
        "apiVersion: v2\nkind: Pod\nmetadata: {name: a}\n",
        "apiVersion: v1\nkind: [Pod]\nmetadata: {name: a}\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\n",
        "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80}]}\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: x}]}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec: {containers: [{name: a, image: x}]}\n",
        "apiVersion: [v1]\nkind: Pod\nmetadata: {name: a}\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: 3\n    imagee: x\n",
        "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: nginx\n    resources: {limits: {cpu: lots}}\n",
    ];
    let mut hints = 0;
    for text in broken {
        for d in api::load(text).diagnostics {
            if let Some(h) = &d.hint {
                hints += 1;
                assert!(h.is_complete(), "{text}: {h:?}");
                assert_ne!(h.en, h.ko, "{text}: the Korean hint is a translation");
            }
        }
    }
    assert!(
        hints >= 8,
        "every broken manifest above has a hint ({hints})"
    );
}

#[test]
fn podlabs_own_limits_are_told_in_korean_too() {
    let cases = [
        (
            "x".repeat(1 << 20),
            "podlab은 256 KB까지의 매니페스트를 읽습니다",
        ),
        (
            format!("{}{}", "[".repeat(100), "]".repeat(100)),
            "48단계보다 깊게",
        ),
        (
            pod(&format!(
                "  containers: [{}]\n",
                vec!["{name: a, image: nginx}"; 10_000].join(",")
            )),
            "노드가 6000개를 넘습니다",
        ),
        (hostile::with_containers(300), "컨테이너는 300개입니다"),
    ];
    for (text, want) in cases {
        let l = api::load(&text);
        let d = &l.diagnostics[0];
        assert!(d.message_in("ko").contains(want), "{}", d.message_in("ko"));
        assert_eq!(
            d.message_in("en"),
            d.message,
            "English is the message itself"
        );
    }
    // The apiserver's words are the same in every language.
    let l = api::load(&pod("  containers:\n  - name: a\n"));
    let d = &l.diagnostics[0];
    assert_eq!(d.message_ko, None);
    assert_eq!(
        d.message_in("ko"),
        "spec.containers[0].image: Required value"
    );
}

/// Over the container limit, the message is the only one (nothing is decoded or validated)
/// and it underlines where the containers begin.
#[test]
fn too_many_containers_is_one_message_where_they_begin() {
    let items: String = (0..50)
        .map(|i| format!("  - {{name: c{i}, image: nginx, ports: [{{containerPort: x}}]}}\n"))
        .collect();
    let init: String = (0..15)
        .map(|i| format!("  - {{name: i{i}, image: busybox}}\n"))
        .collect();
    let text = pod(&format!("  containers:\n{items}  initContainers:\n{init}"));
    one(
        &text,
        "7:5: this pod has 65 containers; podlab simulates pods of up to 64 containers (init containers included)",
    );
    let l = api::load(&text);
    assert!(l.manifest.is_none() && l.defaulted.is_none());
    assert!(l.diagnostics[0]
        .message_ko
        .as_deref()
        .unwrap()
        .contains("65개"));
}

/// A repeated key is refused as kubectl refuses it, underlined whole, with a hint in both
/// languages; so is every common syntax mistake.
#[test]
fn repeated_keys_and_syntax_errors_are_explained() {
    let text = pod("  containers:\n  - name: web\n    image: nginx\n    image: busybox\n");
    one(
        &text,
        "9:5: mapping key \"image\" already defined at line 8",
    );
    let l = api::load(&text);
    let d = &l.diagnostics[0];
    assert_eq!(
        (d.span.line, d.span.col, d.span.end_line, d.span.end_col),
        (9, 5, 9, 10)
    );
    let hint = d.hint.as_ref().expect("a hint");
    assert!(hint.en.contains("once in a mapping") && hint.ko.contains("한 번만"));
    let l = api::load(&pod("  containers:\n  - name: web\n   image: nginx\n"));
    let hint = l.diagnostics[0].hint.as_ref().expect("a hint");
    assert!(hint.ko.contains("들여쓰기"), "{hint:?}");
}

/// A no-break or full-width space where YAML needs a space: the apiserver's message stays, the
/// hint names the character.
#[test]
fn unusual_spaces_are_named() {
    let nbsp = "apiVersion: v1\nkind: Pod\nmetadata:\n\u{a0}\u{a0}name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n";
    one(
        nbsp,
        "4:1: strict decoding error: unknown field \"\u{a0}\u{a0}name\"",
    );
    let l = api::load(nbsp);
    let hint = l.diagnostics[0].hint.as_ref().expect("a hint");
    assert!(hint.en.contains("no-break space (U+00A0)"), "{hint:?}");
    assert!(
        hint.ko.contains("일반 공백 대신 줄바꿈 없는 공백(U+00A0)"),
        "{hint:?}"
    );
    let full_width = nbsp.replace("\u{a0}\u{a0}", "\u{3000}");
    let l = api::load(&full_width);
    let hint = l.diagnostics[0].hint.as_ref().expect("a hint");
    assert!(hint.en.contains("U+3000"), "{hint:?}");
    let after_colon = nbsp.replace("\u{a0}\u{a0}name: web", "  name:\u{a0}web");
    let l = api::load(&after_colon);
    assert!(l.diagnostics[0]
        .hint
        .as_ref()
        .expect("a hint")
        .en
        .contains("U+00A0"));
    // A full-width colon typed in full-width mode: `name：web` is one string.
    let colon = nbsp.replace("\u{a0}\u{a0}name: web", "  name\u{ff1a}web");
    let l = api::load(&colon);
    let hint = l.diagnostics[0].hint.as_ref().expect("a hint");
    assert!(
        hint.en
            .contains("full-width colon (U+FF1A) where YAML needs `:`"),
        "{hint:?}"
    );
    assert!(hint.ko.contains("`:` 대신 전각 쌍점(U+FF1A)"), "{hint:?}");
    // An ordinary manifest gets no such hint, and one in a comment or a value is no error.
    assert!(api::load(&nbsp.replace('\u{a0}', " "))
        .diagnostics
        .is_empty());
    assert!(api::load(&format!(
        "# a\u{a0}comment\n{}",
        nbsp.replace('\u{a0}', " ")
    ))
    .diagnostics
    .is_empty());
}

/// `kind: pod` is no kind kubectl knows; the hint says kinds are case-sensitive.
#[test]
fn a_kind_in_the_wrong_case_is_not_found() {
    let text = "apiVersion: v1\nkind: pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - {name: web, image: nginx}\n";
    one(text, "2:7: no matches for kind \"pod\" in version \"v1\"");
    let l = api::load(text);
    let hint = l.diagnostics[0].hint.as_ref().expect("a hint");
    assert!(hint.en.contains("`kind: Pod`") && hint.ko.contains("대소문자"));
    one(
        &text.replace("kind: pod", "kind: configmap"),
        "2:7: no matches for kind \"configmap\" in version \"v1\"",
    );
    one(
        &text.replace("kind: pod", "kind: Deployment"),
        "2:7: kind \"Deployment\" is not supported here",
    );
    // Without an apiVersion, that is what is missing first, whatever the kind.
    one(
        &text.replace("apiVersion: v1\n", ""),
        "1:1: apiVersion not set",
    );
}

/// The apiserver's words for a wrong type, and a hint that says what to write instead.
#[test]
fn type_mistakes_come_with_what_to_write() {
    let hint = |spec: &str| -> (String, String) {
        let l = api::load(&pod(spec));
        let h = l.diagnostics[0].hint.clone().expect("a hint");
        (h.en, h.ko)
    };
    let (en, ko) = hint(
        "  containers:\n  - name: web\n    image: nginx\n    ports:\n    - containerPort: \"80\"\n",
    );
    assert_eq!(en, "write the number without quotes: `80`");
    assert!(ko.contains("따옴표 없이"), "{ko}");
    let (en, _) =
        hint("  containers:\n  - name: web\n    image: busybox\n    command: sh -c 'sleep 1'\n");
    assert_eq!(
        en,
        "write a list, one item per word: `[\"sh\", \"-c\", \"sleep 1\"]`"
    );
    let (en, _) = hint(
        "  containers:\n  - name: web\n    image: busybox\n    command: echo $HOSTNAME > /tmp/x\n",
    );
    assert_eq!(
        en,
        "write a list; this line needs a shell to run it: `[\"sh\", \"-c\", \"echo $HOSTNAME > /tmp/x\"]`"
    );
    let (en, _) = hint("  containers:\n    name: web\n    image: nginx\n");
    assert!(en.contains("put `- ` before the first field"), "{en}");
    let (en, _) = hint(
        "  containers:\n  - name: web\n    image: nginx\n    env:\n    - name: A\n      value: 1\n",
    );
    assert_eq!(en, "quote it to make it a string: `\"1\"`");
    let (en, _) = hint("  hostNetwork: \"true\"\n  containers:\n  - {name: web, image: nginx}\n");
    assert_eq!(en, "write `true` without quotes");
}

/// `periodSeconds: five` (issue 17): the apiserver's own words for a string where an int32 is
/// expected, and beside them what to write, in English and Korean.
#[test]
fn a_word_where_a_number_goes_keeps_the_apiservers_message_and_says_what_to_write() {
    let probe = |period: &str| {
        pod(&format!("  containers:\n  - name: web\n    image: nginx\n    livenessProbe:\n      httpGet: {{path: /, port: 80}}\n      periodSeconds: {period}\n"))
    };
    one(
        &probe("five"),
        "11:22: json: cannot unmarshal string into Go struct field Probe.spec.containers.livenessProbe.periodSeconds of type int32",
    );
    let hint = |text: &str| {
        let h = api::load(text).diagnostics[0].hint.clone().expect("a hint");
        (h.en, h.ko)
    };
    assert_eq!(
        hint(&probe("five")),
        (
            "write the number in digits, without quotes: `periodSeconds: 5`".to_string(),
            "숫자는 따옴표 없이 아라비아 숫자로 쓰세요: `periodSeconds: 5`".to_string()
        )
    );
    assert_eq!(
        hint(&probe("1m")).0,
        "`periodSeconds` counts seconds: write the number alone, `periodSeconds: 60`"
    );
    let (en, ko) = hint(&probe("often"));
    assert_eq!(
        en,
        "`periodSeconds` takes a whole number of seconds, e.g. `periodSeconds: 10`"
    );
    assert!(ko.contains("초 단위 정수"), "{ko}");
    let (en, _) = hint(&pod(
        "  containers:\n  - name: web\n    image: nginx\n    readinessProbe:\n      exec: {command: [x]}\n      failureThreshold: many\n",
    ));
    assert_eq!(
        en,
        "`failureThreshold` takes a whole number, e.g. `failureThreshold: 3`"
    );
}

/// A field written one level too far left: the hint says where it belongs.
#[test]
fn a_field_not_indented_enough_is_placed() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\nname: web\nspec:\n  containers:\n  - {name: web, image: nginx}\n";
    one(text, "4:1: strict decoding error: unknown field \"name\"");
    let hint = api::load(text).diagnostics[0].hint.clone().expect("a hint");
    assert_eq!(
        hint.en,
        "`name` is a field of `metadata` above: indent it under `metadata:`"
    );
    let text = pod("  containers:\n  - name: web\n  image: nginx\n");
    one(
        &text,
        "8:3: strict decoding error: unknown field \"spec.image\"",
    );
    let hint = api::load(&text).diagnostics[0]
        .hint
        .clone()
        .expect("a hint");
    assert!(
        hint.en
            .starts_with("`image` is a field of each item of `containers` above"),
        "{hint:?}"
    );
    assert!(hint.ko.contains("`- ` 아래로"), "{hint:?}");
}

/// The apiserver's validation errors keep its words; the common ones get what to write.
#[test]
fn validation_errors_come_with_what_to_write() {
    let hint = |text: &str| -> String {
        let l = api::load(text);
        let h = l.diagnostics[0]
            .hint
            .clone()
            .unwrap_or_else(|| panic!("a hint for {:?}", l.diagnostics[0].message));
        assert!(!h.ko.is_empty() && h.ko != h.en);
        h.en
    };
    let c = |extra: &str| {
        pod(&format!(
            "  containers:\n  - name: web\n    image: nginx\n{extra}"
        ))
    };
    assert_eq!(
        hint(&pod("  containers:\n  - name: Web_1\n    image: nginx\n")),
        "names use lowercase letters, digits and '-': for example `web-1`"
    );
    assert!(hint(&pod("  containers:\n  - name: web\n")).contains("`image: nginx:1.27`"));
    assert!(hint(&pod("  containers:\n  - image: nginx\n")).contains("`- name: web`"));
    assert_eq!(
        hint(&c("    imagePullPolicy: always\n")),
        "values are case-sensitive: write `Always`"
    );
    assert_eq!(
        hint(&pod(
            "  restartPolicy: never\n  containers:\n  - {name: web, image: nginx}\n"
        )),
        "values are case-sensitive: write `Never`"
    );
    assert!(
        hint(&c("    livenessProbe:\n      periodSeconds: 5\n")).starts_with("say how to check")
    );
    assert!(hint(&c(
        "    livenessProbe:\n      exec: {command: [x]}\n      tcpSocket: {port: 80}\n"
    ))
    .starts_with("a probe checks one way"));
    assert!(hint(&c(
        "    livenessProbe:\n      exec: {command: [x]}\n      successThreshold: 2\n"
    ))
    .contains("`successThreshold: 1`"));
    assert!(hint(&c("  - name: web\n    image: busybox\n")).contains("a name of its own"));
    let init = pod("  initContainers:\n  - name: init\n    image: busybox\n    readinessProbe:\n      exec: {command: [x]}\n  containers:\n  - {name: web, image: nginx}\n");
    assert!(hint(&init).contains("`readinessProbe`: remove it, or make this a sidecar"));
    let meta = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: My_Pod\nspec:\n  containers:\n  - {name: web, image: nginx}\n";
    assert!(hint(meta).ends_with("`my-pod`"));
    let on_133 = api::load_on(
        &c("    restartPolicy: Always\n"),
        &podsim::cluster::Cluster::of(podsim::cluster::KubeVersion::V1_33),
    );
    let h = on_133.diagnostics[0].hint.clone().unwrap();
    assert!(h.en.contains("under `initContainers:`"));
    // Where podlab has nothing better to say, no hint.
    let l = api::load(&c("    ports:\n    - containerPort: 0\n"));
    assert!(l.diagnostics[0].hint.is_none(), "{:?}", l.diagnostics);
}
