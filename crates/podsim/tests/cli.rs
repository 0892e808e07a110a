//! The podsim CLI contract: arguments, the JSON shape, `LINE:COL: MESSAGE` errors with exit
//! code 1, and the text outputs — through the real binary.

use std::process::Command;

fn podsim(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_podsim"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run podsim");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("podsim-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

const SEED_NO_IMAGE: &str = "apiVersion: v1
kind: Pod
metadata:
    name: kubenetes-simple-pod
    labels:
        app: kubernetes-simple-pod
spec:
    containers:
    - name: kubenetes-simple-pod
      ports:
      - containerPort: 8080
";

#[test]
fn invalid_manifest_exits_1_with_line_col_messages() {
    let f = temp("noimage.yaml", SEED_NO_IMAGE);
    let (code, stdout, stderr) = podsim(&["simulate", &f]);
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    // The apiserver's words, then podlab's hint in parentheses.
    assert_eq!(
        stderr,
        "9:7: spec.containers[0].image: Required value (say which image to run, e.g. `image: nginx:1.27`)\n"
    );
}

#[test]
fn syntax_errors_report_their_position() {
    let f = temp(
        "syntax.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a\n    b: c\n",
    );
    let (code, _, stderr) = podsim(&["simulate", &f]);
    assert_eq!(code, 1);
    assert!(stderr.starts_with("6:6: "), "{stderr}");
}

#[test]
fn json_output_has_the_contract_shape() {
    let (code, stdout, stderr) = podsim(&[
        "simulate",
        "tests/examples/exec-liveness.yaml",
        "--until",
        "90s",
        "--output",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_str(&stdout).expect("one JSON object");
    let obj = v.as_object().unwrap();
    for key in ["snapshots", "events", "probes"] {
        assert!(obj.contains_key(key), "{key}");
    }
    let snap = &v["snapshots"][0];
    assert!(snap["t_ms"].is_u64());
    assert_eq!(snap["status"]["phase"], "Pending");
    let last = v["snapshots"].as_array().unwrap().last().unwrap();
    let cs = &last["status"]["containerStatuses"][0];
    for key in [
        "name",
        "ready",
        "started",
        "restartCount",
        "state",
        "lastState",
        "image",
        "imageID",
    ] {
        assert!(cs.get(key).is_some(), "containerStatuses[].{key}");
    }
    assert!(last["status"]["conditions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["type"] == "ContainersReady"));
    let ev = &v["events"][0];
    for key in ["t_ms", "type", "reason", "from", "message", "count"] {
        assert!(ev.get(key).is_some(), "events[].{key}");
    }
    assert_eq!(ev["from"], "default-scheduler");
    let failing = v["probes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["result"] == "Failure")
        .expect("a failed probe");
    assert_eq!(failing["probe"], "liveness");
    assert_eq!(failing["container"], "liveness");
    assert_eq!(
        failing["output"],
        "cat: can't open '/tmp/healthy': No such file or directory"
    );
    // A snapshot at every change: times ascend strictly.
    let ts: Vec<u64> = v["snapshots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["t_ms"].as_u64().unwrap())
        .collect();
    assert!(ts.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn text_outputs_at_an_instant() {
    // 1.34: the pod worker syncs every 10 s during a back-off, and each sync shows it.
    let (code, out, _) = podsim(&[
        "simulate",
        "tests/examples/crashloop.yaml",
        "--until",
        "5m",
        "--at",
        "25s",
        "--output",
        "get",
        "--kubernetes",
        "1.34",
    ]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0],
        "NAME      READY   STATUS             RESTARTS      AGE"
    );
    assert!(
        lines[1].starts_with("crasher   0/1     CrashLoopBackOff   2 ("),
        "{out}"
    );
    assert!(lines[1].ends_with("25s"), "{out}");
    // 1.35+: the next sync comes when the back-off ends, so the exit stays on show.
    let (_, out, _) = podsim(&[
        "simulate",
        "tests/examples/crashloop.yaml",
        "--until",
        "5m",
        "--at",
        "25s",
        "--output",
        "get",
    ]);
    assert!(
        out.lines()
            .nth(1)
            .unwrap_or("")
            .starts_with("crasher   0/1     Error    2 ("),
        "{out}"
    );

    let (_, out, _) = podsim(&[
        "simulate",
        "tests/examples/seed-pod-sample.yaml",
        "--until",
        "1m",
        "--output",
        "describe",
    ]);
    assert!(
        out.starts_with("Name:             kubenetes-simple-pod\nNamespace:        default\n"),
        "{out}"
    );
    assert!(out.contains("\nConditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n"), "{out}");
    assert!(out.contains("Normal  Started    "), "{out}");

    let (_, out, _) = podsim(&[
        "simulate",
        "tests/examples/seed-init-containers.yaml",
        "--until",
        "1m",
        "--output",
        "logs",
    ]);
    assert!(out.contains("The app is running!"), "{out}");
    let (_, out, _) = podsim(&[
        "simulate",
        "tests/examples/seed-init-containers.yaml",
        "--until",
        "1m",
        "--output",
        "logs",
        "--container",
        "init-mydb",
    ]);
    assert_eq!(out, "helloworld02\n");

    let (_, out, _) = podsim(&[
        "simulate",
        "tests/examples/seed-pod-sample.yaml",
        "--until",
        "1m",
        "--output",
        "events",
    ]);
    assert!(
        out.starts_with("LAST SEEN   TYPE     REASON      OBJECT                     MESSAGE\n"),
        "{out}"
    );

    let (_, out, _) = podsim(&["simulate", "tests/examples/sidecar-pod.yaml"]);
    assert!(
        out.contains("logshipper [sidecar]") && out.contains("myapp [app]"),
        "{out}"
    );
}

#[test]
fn scenario_files_and_usage_errors() {
    let s = temp("svc.yaml", "events:\n- {at: 20s, action: createService, name: myservice}\n- {at: 40s, action: createService, name: mydb}\n");
    let (code, out, _) = podsim(&[
        "simulate",
        "tests/examples/init-containers.yaml",
        "--scenario",
        &s,
        "--until",
        "2m",
        "--output",
        "get",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("1/1     Running"), "{out}");
    let (code, _, err) = podsim(&["simulate", "tests/examples/crashloop.yaml", "--until", "5x"]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown unit"), "{err}");
    let (code, _, err) = podsim(&[
        "simulate",
        "tests/examples/crashloop.yaml",
        "--output",
        "yaml",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("unknown output"), "{err}");
    let (code, _, err) = podsim(&["simulate", "/nonexistent.yaml"]);
    assert_eq!(code, 1);
    assert!(err.contains("/nonexistent.yaml"), "{err}");
    let (code, out, _) = podsim(&["validate", "tests/examples/sidecar-pod.yaml"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "tests/examples/sidecar-pod.yaml: valid\n")
    );
}

#[test]
fn validate_prints_the_apiservers_warnings_on_stderr() {
    let f = temp(
        "dupport.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    image: nginx\n    ports:\n    - containerPort: 8080\n  - name: b\n    image: nginx\n    ports:\n    - containerPort: 8080\n",
    );
    let (code, stdout, stderr) = podsim(&["validate", &f]);
    assert_eq!(code, 0);
    assert!(stdout.ends_with(": valid\n"), "{stdout}");
    assert!(
        stderr.starts_with("Warning: spec.containers[1].ports[0]: duplicate port definition"),
        "{stderr}"
    );
}

#[test]
fn lesson_views_after_the_pod_is_gone_end_their_lines() {
    // Lesson 12 deletes its worker at 30 s; the SIGKILL at 60 s removes it.
    let (code, out, _) = podsim(&[
        "lesson",
        "../../lessons/12-graceful-termination.yaml",
        "--at",
        "80s",
        "--output",
        "logs",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.starts_with("Error from server (NotFound): pods \"worker\" not found\n"),
        "{out}"
    );
    let (_, get, _) = podsim(&[
        "lesson",
        "../../lessons/12-graceful-termination.yaml",
        "--output",
        "get",
    ]);
    let rows: Vec<&str> = get.lines().filter(|l| l.starts_with("worker")).collect();
    let last: Vec<&str> = rows[rows.len() - 1].split_whitespace().collect();
    assert_eq!(last, ["worker", "0/1", "Error", "0", "60s"], "{get}");
}

#[test]
fn lesson_predictions_show_their_computed_answers() {
    // Lesson 12: without a trap the worker dies by SIGKILL when the grace period ends, 30 s
    // after the delete at 30 s: the same instant the last `get` row above shows.
    let (code, out, _) = podsim(&[
        "lesson",
        "../../lessons/12-graceful-termination.yaml",
        "--predictions",
    ]);
    assert_eq!(code, 0, "{out}");
    let block: Vec<&str> = out
        .split("prediction ")
        .find(|b| b.starts_with("exit-without-a-trap"))
        .expect("the prediction is listed")
        .lines()
        .collect();
    assert_eq!(
        block[0],
        "exit-without-a-trap — beforeTask, about the starting manifest, run shown until 30s"
    );
    assert_eq!(block[1], "  when: worker exits (± 3s)");
    assert!(
        block[2].starts_with("  Q (en): The Pod is deleted at 30s."),
        "{out}"
    );
    assert_eq!(block[4], "  ✓ answer: 1m00s (worker exits)");

    // A prediction whose moment never happens has no answer: exit code 1, and why.
    let lesson = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../lessons/12-graceful-termination.yaml"),
    )
    .unwrap()
    .replace(
        "{kind: terminated, container: worker}",
        "{kind: restart, container: worker}",
    );
    let (code, out, _) = podsim(&["lesson", &temp("12.yaml", &lesson), "--predictions"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("  ✗ no answer: the 1st restart of worker does not happen by the end of the run (1m30s)"),
        "{out}"
    );
    // A typo in a prediction stops the lesson from loading, with the prediction's name.
    let typo = lesson.replace("ask: beforeTask", "ask: beforeTsak");
    let (code, _, err) = podsim(&["lesson", &temp("12b.yaml", &typo), "--predictions"]);
    assert_eq!(code, 1);
    assert!(
        err.contains("prediction \"exit-without-a-trap\": unknown variant `beforeTsak`"),
        "{err}"
    );
}
