//! The phase and the conditions, as tables of container statuses in and phase or condition
//! out — the cases of upstream's own tests, so podsim's getPhase and status/generate.go
//! answer each one as the kubelet does:
//!
//! - the phase: pkg/kubelet/kubelet_pods_test.go `TestPodPhaseWithRestartAlways`,
//!   `…AlwaysInitContainers`, `…AlwaysRestartableInitContainers`, `…AlwaysAndPodHasRun`,
//!   `…Never`, `…NeverInitContainers`, `…NeverRestartableInitContainers`, `…OnFailure`
//!   (Kubernetes 1.34: the ContainerRestartRules gate off);
//! - the conditions: pkg/kubelet/status/generate_test.go `TestGeneratePodReadyCondition` (the
//!   cases of the version the index holds), and the 1.34 rules of generate.go its newer cases
//!   cover — sidecars in ContainersReady, PodFailed, a started regular container making the
//!   pod Initialized, a sidecar counting once started.

use podsim::kubelet::status::conditions::{containers_ready, initialized, pod_ready};
use podsim::kubelet::status::phase::get_phase;
use podsim::model::{
    ConditionReason, ConditionStatus, ConditionType, Container, ContainerState,
    ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting, ContainerStatus,
    PodCondition, PodPhase, PodSpec, RestartPolicy,
};

// The container statuses of upstream's helpers, by the same names.

fn status(name: &str, state: ContainerState) -> ContainerStatus {
    ContainerStatus {
        name: name.into(),
        state,
        ..Default::default()
    }
}

fn waiting() -> ContainerState {
    ContainerState {
        waiting: Some(ContainerStateWaiting::default()),
        ..Default::default()
    }
}

fn terminated(exit_code: i32) -> ContainerState {
    ContainerState {
        terminated: Some(ContainerStateTerminated {
            exit_code,
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn waiting_state(name: &str) -> ContainerStatus {
    status(name, waiting())
}

/// Waiting after a termination with exit code 0.
fn waiting_with_last_termination(name: &str) -> ContainerStatus {
    ContainerStatus {
        last_state: terminated(0),
        ..waiting_state(name)
    }
}

/// Waiting after a termination with exit code -1.
fn waiting_with_non_zero_termination(name: &str) -> ContainerStatus {
    ContainerStatus {
        last_state: terminated(-1),
        ..waiting_state(name)
    }
}

fn running_state(name: &str) -> ContainerStatus {
    status(
        name,
        ContainerState {
            running: Some(ContainerStateRunning::default()),
            ..Default::default()
        },
    )
}

/// Running, its startup probe passed.
fn started_state(name: &str) -> ContainerStatus {
    ContainerStatus {
        started: Some(true),
        ..running_state(name)
    }
}

fn stopped_state(name: &str) -> ContainerStatus {
    status(name, terminated(0))
}

fn succeeded_state(name: &str) -> ContainerStatus {
    status(name, terminated(0))
}

fn failed_state(name: &str) -> ContainerStatus {
    status(name, terminated(-1))
}

/// A pod spec: init containers (name, restartable), app containers, restart policy.
fn spec(init: &[(&str, bool)], app: &[&str], policy: RestartPolicy) -> PodSpec {
    let container = |name: &str, restartable: bool| Container {
        name: name.into(),
        restart_policy: restartable.then(|| RestartPolicy::Always.as_str().into()),
        ..Default::default()
    };
    PodSpec {
        init_containers: init.iter().map(|(n, r)| container(n, *r)).collect(),
        containers: app.iter().map(|n| container(n, false)).collect(),
        restart_policy: Some(policy.as_str().into()),
        ..Default::default()
    }
}

/// One getPhase case: the statuses, podIsTerminal, podHasInitialized, the phase, its name.
type PhaseCase = (Vec<ContainerStatus>, bool, bool, PodPhase, &'static str);

fn check_phases(spec: &PodSpec, cases: Vec<PhaseCase>) {
    for (statuses, terminal, initialized, want, name) in cases {
        assert_eq!(
            get_phase(spec, &statuses, terminal, initialized),
            want,
            "[test {name}]"
        );
    }
}

fn two_containers(policy: RestartPolicy) -> PodSpec {
    spec(&[], &["containerA", "containerB"], policy)
}

#[test]
fn pod_phase_with_restart_always() {
    use PodPhase::*;
    check_phases(
        &two_containers(RestartPolicy::Always),
        vec![
            (vec![], false, false, Pending, "waiting"),
            (
                vec![running_state("containerA"), running_state("containerB")],
                false,
                false,
                Running,
                "all running",
            ),
            (
                vec![stopped_state("containerA"), stopped_state("containerB")],
                false,
                false,
                Running,
                "all stopped with restart always",
            ),
            (
                vec![succeeded_state("containerA"), succeeded_state("containerB")],
                true,
                false,
                Succeeded,
                "all succeeded with restart always, but the pod is terminal",
            ),
            (
                vec![succeeded_state("containerA"), failed_state("containerB")],
                true,
                false,
                Failed,
                "all stopped with restart always, but the pod is terminal",
            ),
            (
                vec![running_state("containerA"), stopped_state("containerB")],
                false,
                false,
                Running,
                "mixed state #1 with restart always",
            ),
            (
                vec![running_state("containerA")],
                false,
                false,
                Pending,
                "mixed state #2 with restart always",
            ),
            (
                vec![running_state("containerA"), waiting_state("containerB")],
                false,
                false,
                Pending,
                "mixed state #3 with restart always",
            ),
            (
                vec![
                    running_state("containerA"),
                    waiting_with_last_termination("containerB"),
                ],
                false,
                false,
                Running,
                "backoff crashloop container with restart always",
            ),
        ],
    );
}

/// The cases of TestPodPhaseWithRestart{Always,Never}InitContainers: one regular init
/// container, two app containers; `never`: the phase under restartPolicy Never.
fn init_container_cases(never: bool) -> Vec<PhaseCase> {
    use PodPhase::*;
    let failed = if never { Failed } else { Pending };
    let app = || vec![running_state("containerA"), running_state("containerB")];
    let mut succeeded = vec![succeeded_state("containerX")];
    succeeded.extend(app());
    vec![
        (vec![], false, false, Pending, "empty, waiting"),
        (
            vec![running_state("containerX")],
            false,
            false,
            Pending,
            "init container running",
        ),
        (
            vec![failed_state("containerX")],
            false,
            false,
            failed,
            "init container terminated non-zero",
        ),
        (
            vec![waiting_with_last_termination("containerX")],
            false,
            false,
            Pending,
            "init container waiting, terminated zero",
        ),
        (
            vec![waiting_with_non_zero_termination("containerX")],
            false,
            false,
            failed,
            "init container waiting, terminated non-zero",
        ),
        (
            vec![waiting_state("containerX")],
            false,
            false,
            Pending,
            "init container waiting, not terminated",
        ),
        (succeeded, false, false, Running, "init container succeeded"),
    ]
}

#[test]
fn pod_phase_with_restart_always_init_containers() {
    let spec = spec(
        &[("containerX", false)],
        &["containerA", "containerB"],
        RestartPolicy::Always,
    );
    check_phases(&spec, init_container_cases(false));
}

#[test]
fn pod_phase_with_restart_never_init_containers() {
    let spec = spec(
        &[("containerX", false)],
        &["containerA", "containerB"],
        RestartPolicy::Never,
    );
    check_phases(&spec, init_container_cases(true));
}

/// The cases both restartable-init-container tables start with: the sidecar alone, in each
/// state, keeps the pod Pending whatever the policy.
fn restartable_init_container_alone() -> Vec<PhaseCase> {
    use PodPhase::*;
    vec![
        (vec![], false, false, Pending, "empty, waiting"),
        (
            vec![running_state("containerX")],
            false,
            false,
            Pending,
            "restartable init container running",
        ),
        (
            vec![stopped_state("containerX")],
            false,
            false,
            Pending,
            "restartable init container stopped",
        ),
        (
            vec![waiting_with_last_termination("containerX")],
            false,
            false,
            Pending,
            "restartable init container waiting, terminated zero",
        ),
        (
            vec![waiting_with_non_zero_termination("containerX")],
            false,
            false,
            Pending,
            "restartable init container waiting, terminated non-zero",
        ),
        (
            vec![waiting_state("containerX")],
            false,
            false,
            Pending,
            "restartable init container waiting, not terminated",
        ),
    ]
}

/// A restartable init container (sidecar) `x` with the app containers' statuses.
fn with_sidecar(x: ContainerStatus, app: Vec<ContainerStatus>) -> Vec<ContainerStatus> {
    let mut all = vec![x];
    all.extend(app);
    all
}

#[test]
fn pod_phase_with_restart_always_restartable_init_containers() {
    use PodPhase::*;
    let spec = spec(
        &[("containerX", true)],
        &["containerA", "containerB"],
        RestartPolicy::Always,
    );
    let running = || vec![running_state("containerA"), running_state("containerB")];
    let succeeded = || vec![succeeded_state("containerA"), succeeded_state("containerB")];
    check_phases(
        &spec,
        [
            restartable_init_container_alone(),
            vec![
            (
                with_sidecar(started_state("containerX"), vec![running_state("containerA")]),
                false,
                true,
                Pending,
                "restartable init container started, 1/2 regular container running",
            ),
            (
                with_sidecar(started_state("containerX"), running()),
                false,
                true,
                Running,
                "restartable init container started, all regular containers running",
            ),
            (
                with_sidecar(running_state("containerX"), running()),
                false,
                true,
                Running,
                "restartable init container running, all regular containers running",
            ),
            (
                with_sidecar(stopped_state("containerX"), running()),
                false,
                true,
                Running,
                "restartable init container stopped, all regular containers running",
            ),
            (
                with_sidecar(waiting_with_last_termination("containerX"), running()),
                false,
                true,
                Running,
                "backoff crashloop restartable init container, all regular containers running",
            ),
            (
                with_sidecar(failed_state("containerX"), succeeded()),
                true,
                true,
                Succeeded,
                "all regular containers succeeded and restartable init container failed with restart always, but the pod is terminal",
            ),
            (
                with_sidecar(succeeded_state("containerX"), succeeded()),
                true,
                true,
                Succeeded,
                "all regular containers succeeded and restartable init container succeeded with restart always, but the pod is terminal",
            ),
            (
                with_sidecar(running_state("containerX"), running()),
                false,
                false,
                Pending,
                "re-initializing the pod after the sandbox is recreated",
            ),
            ],
        ]
        .concat(),
    );
}

#[test]
fn pod_phase_with_restart_always_and_pod_has_run() {
    use PodPhase::*;
    let spec = spec(
        &[("containerX", false), ("containerY", true)],
        &["containerA"],
        RestartPolicy::Always,
    );
    let all = |x: ContainerStatus, y: ContainerStatus, a: ContainerStatus| vec![x, y, a];
    check_phases(
        &spec,
        vec![
            (
                all(
                    running_state("containerX"),
                    running_state("containerY"),
                    running_state("containerA"),
                ),
                false,
                false,
                Pending,
                "regular init containers, restartable init container and regular container are all running",
            ),
            (
                all(
                    running_state("containerX"),
                    running_state("containerY"),
                    stopped_state("containerA"),
                ),
                false,
                false,
                Pending,
                "regular containers is stopped, restartable init container and regular int container are both running",
            ),
            (
                all(
                    succeeded_state("containerX"),
                    running_state("containerY"),
                    stopped_state("containerA"),
                ),
                false,
                false,
                Pending,
                "re-created sandbox: regular init container is succeeded, restartable init container is running, old regular containers is stopped",
            ),
            (
                all(
                    succeeded_state("containerX"),
                    running_state("containerY"),
                    stopped_state("containerA"),
                ),
                false,
                true,
                Running,
                "regular init container is succeeded, restartable init container is running, regular containers is stopped",
            ),
            (
                all(
                    succeeded_state("containerX"),
                    running_state("containerY"),
                    running_state("containerA"),
                ),
                false,
                true,
                Running,
                "regular init container is succeeded, restartable init container and regular containers are both running",
            ),
        ],
    );
}

#[test]
fn pod_phase_with_restart_never() {
    use PodPhase::*;
    check_phases(
        &two_containers(RestartPolicy::Never),
        vec![
            (vec![], false, false, Pending, "waiting"),
            (
                vec![running_state("containerA"), running_state("containerB")],
                false,
                false,
                Running,
                "all running with restart never",
            ),
            (
                vec![succeeded_state("containerA"), succeeded_state("containerB")],
                false,
                false,
                Succeeded,
                "all succeeded with restart never",
            ),
            (
                vec![failed_state("containerA"), failed_state("containerB")],
                false,
                false,
                Failed,
                "all failed with restart never",
            ),
            (
                vec![running_state("containerA"), succeeded_state("containerB")],
                false,
                false,
                Running,
                "mixed state #1 with restart never",
            ),
            (
                vec![running_state("containerA")],
                false,
                false,
                Pending,
                "mixed state #2 with restart never",
            ),
            (
                vec![running_state("containerA"), waiting_state("containerB")],
                false,
                false,
                Pending,
                "mixed state #3 with restart never",
            ),
        ],
    );
}

#[test]
fn pod_phase_with_restart_never_restartable_init_containers() {
    use PodPhase::*;
    let spec = spec(
        &[("containerX", true)],
        &["containerA", "containerB"],
        RestartPolicy::Never,
    );
    let succeeded = || vec![succeeded_state("containerA"), succeeded_state("containerB")];
    check_phases(
        &spec,
        [
            restartable_init_container_alone(),
            vec![
            (
                with_sidecar(started_state("containerX"), vec![running_state("containerA")]),
                false,
                true,
                Pending,
                "restartable init container started, one main container running",
            ),
            (
                with_sidecar(started_state("containerX"), succeeded()),
                false,
                true,
                Running,
                "restartable init container started, main containers succeeded",
            ),
            (
                with_sidecar(running_state("containerX"), succeeded()),
                false,
                true,
                Running,
                "restartable init container re-running, main containers succeeded",
            ),
            (
                with_sidecar(succeeded_state("containerX"), succeeded()),
                false,
                true,
                Succeeded,
                "all containers succeeded",
            ),
            (
                with_sidecar(failed_state("containerX"), succeeded()),
                false,
                true,
                Succeeded,
                "restartable init container terminated non-zero, main containers succeeded",
            ),
            (
                with_sidecar(waiting_with_last_termination("containerX"), succeeded()),
                false,
                true,
                Succeeded,
                "backoff crashloop restartable init container, main containers succeeded",
            ),
            (
                with_sidecar(
                    waiting_with_non_zero_termination("containerX"),
                    succeeded(),
                ),
                false,
                true,
                Succeeded,
                "backoff crashloop with non-zero restartable init container, main containers succeeded",
            ),
            ],
        ]
        .concat(),
    );
}

#[test]
fn pod_phase_with_restart_on_failure() {
    use PodPhase::*;
    check_phases(
        &two_containers(RestartPolicy::OnFailure),
        vec![
            (vec![], false, false, Pending, "waiting"),
            (
                vec![running_state("containerA"), running_state("containerB")],
                false,
                false,
                Running,
                "all running with restart onfailure",
            ),
            (
                vec![succeeded_state("containerA"), succeeded_state("containerB")],
                false,
                false,
                Succeeded,
                "all succeeded with restart onfailure",
            ),
            (
                vec![failed_state("containerA"), failed_state("containerB")],
                false,
                false,
                Running,
                "all failed with restart never",
            ),
            (
                vec![running_state("containerA"), succeeded_state("containerB")],
                false,
                false,
                Running,
                "mixed state #1 with restart onfailure",
            ),
            (
                vec![running_state("containerA")],
                false,
                false,
                Pending,
                "mixed state #2 with restart onfailure",
            ),
            (
                vec![running_state("containerA"), waiting_state("containerB")],
                false,
                false,
                Pending,
                "mixed state #3 with restart onfailure",
            ),
            (
                vec![
                    running_state("containerA"),
                    waiting_with_last_termination("containerB"),
                ],
                false,
                false,
                Running,
                "backoff crashloop container with restart onfailure",
            ),
        ],
    );
}

// The conditions.

fn ready_status(name: &str) -> ContainerStatus {
    ContainerStatus {
        ready: true,
        ..running_state(name)
    }
}

fn not_ready_status(name: &str) -> ContainerStatus {
    running_state(name)
}

/// (type, status, reason, message) of a condition.
fn parts(
    c: &PodCondition,
) -> (
    ConditionType,
    ConditionStatus,
    Option<ConditionReason>,
    &str,
) {
    (
        c.type_,
        c.status,
        c.reason,
        c.message.as_deref().unwrap_or(""),
    )
}

/// generate_test.go `TestGeneratePodReadyCondition`: Ready copies ContainersReady.
#[test]
fn generate_pod_ready_condition() {
    use ConditionReason::*;
    use ConditionStatus::{False, True};
    let one = spec(&[], &["1234"], RestartPolicy::Always);
    let two = spec(&[], &["1234", "5678"], RestartPolicy::Always);
    let empty = PodSpec::default();
    let cases = vec![
        (
            &empty,
            None,
            PodPhase::Running,
            False,
            Some(UnknownContainerStatuses),
            "",
        ),
        (&empty, Some(vec![]), PodPhase::Running, True, None, ""),
        (
            &one,
            Some(vec![]),
            PodPhase::Running,
            False,
            Some(ContainersNotReady),
            "containers with unknown status: [1234]",
        ),
        (
            &two,
            Some(vec![ready_status("1234"), ready_status("5678")]),
            PodPhase::Running,
            True,
            None,
            "",
        ),
        (
            &two,
            Some(vec![ready_status("1234")]),
            PodPhase::Running,
            False,
            Some(ContainersNotReady),
            "containers with unknown status: [5678]",
        ),
        (
            &two,
            Some(vec![ready_status("1234"), not_ready_status("5678")]),
            PodPhase::Running,
            False,
            Some(ContainersNotReady),
            "containers with unready status: [5678]",
        ),
        (
            &one,
            Some(vec![not_ready_status("1234")]),
            PodPhase::Succeeded,
            False,
            Some(PodCompleted),
            "",
        ),
    ];
    for (i, (spec, statuses, phase, status, reason, message)) in cases.into_iter().enumerate() {
        let containers = containers_ready(spec, statuses.as_deref(), phase);
        assert_eq!(
            parts(&containers),
            (ConditionType::ContainersReady, status, reason, message),
            "ContainersReady, case {i}"
        );
        let ready = pod_ready(&containers);
        assert_eq!(
            parts(&ready),
            (ConditionType::Ready, status, reason, message),
            "case {i}"
        );
    }
}

/// generate.go (1.34) `GenerateContainersReadyCondition`: sidecars count as containers,
/// regular init containers do not; a Failed pod's containers are not ready (PodFailed).
#[test]
fn containers_ready_counts_sidecars_and_knows_failed_pods() {
    let spec = spec(
        &[("init", false), ("sidecar", true)],
        &["app"],
        RestartPolicy::Always,
    );
    let ready = containers_ready(
        &spec,
        Some(&[
            succeeded_state("init"),
            not_ready_status("sidecar"),
            ready_status("app"),
        ]),
        PodPhase::Running,
    );
    assert_eq!(
        parts(&ready),
        (
            ConditionType::ContainersReady,
            ConditionStatus::False,
            Some(ConditionReason::ContainersNotReady),
            "containers with unready status: [sidecar]"
        )
    );
    let failed = containers_ready(&spec, Some(&[ready_status("app")]), PodPhase::Failed);
    assert_eq!(
        (failed.status, failed.reason),
        (ConditionStatus::False, Some(ConditionReason::PodFailed)),
        "Failed even with an unknown container"
    );
}

/// generate.go (1.34) `GeneratePodInitializedCondition`.
#[test]
fn generate_pod_initialized_condition() {
    use ConditionReason::*;
    use ConditionStatus::{False, True};
    let spec = spec(
        &[("init-a", false), ("init-b", false), ("sidecar", true)],
        &["app"],
        RestartPolicy::Always,
    );
    let done = |name: &str| ContainerStatus {
        ready: true,
        ..succeeded_state(name)
    };
    let cases = vec![
        (None, PodPhase::Pending, False, Some(UnknownContainerStatuses), ""),
        (
            Some(vec![running_state("init-a")]),
            PodPhase::Pending,
            False,
            Some(ContainersNotInitialized),
            "containers with unknown status: [init-b sidecar], containers with incomplete status: [init-a]",
        ),
        (
            Some(vec![done("init-a"), done("init-b"), running_state("sidecar")]),
            PodPhase::Pending,
            False,
            Some(ContainersNotInitialized),
            "containers with incomplete status: [sidecar]",
        ),
        (
            Some(vec![done("init-a"), done("init-b"), started_state("sidecar")]),
            PodPhase::Pending,
            True,
            None,
            "",
        ),
        // The sidecar restarts after the app started: the pod stays initialized.
        (
            Some(vec![
                done("init-a"),
                done("init-b"),
                waiting_with_last_termination("sidecar"),
                running_state("app"),
            ]),
            PodPhase::Running,
            True,
            None,
            "",
        ),
        (
            Some(vec![
                done("init-a"),
                done("init-b"),
                failed_state("sidecar"),
                succeeded_state("app"),
            ]),
            PodPhase::Succeeded,
            True,
            Some(PodCompleted),
            "",
        ),
    ];
    for (i, (statuses, phase, status, reason, message)) in cases.into_iter().enumerate() {
        let c = initialized(&spec, statuses.as_deref(), phase);
        assert_eq!(
            parts(&c),
            (ConditionType::Initialized, status, reason, message),
            "case {i}"
        );
    }
    // No init containers: initialized at once, PodCompleted once the pod succeeded.
    let plain = spec_without_init();
    let c = initialized(&plain, Some(&[]), PodPhase::Pending);
    assert_eq!((c.status, c.reason), (True, None));
    let c = initialized(&plain, Some(&[succeeded_state("app")]), PodPhase::Succeeded);
    assert_eq!((c.status, c.reason), (True, Some(PodCompleted)));
}

fn spec_without_init() -> PodSpec {
    spec(&[], &["app"], RestartPolicy::Never)
}
