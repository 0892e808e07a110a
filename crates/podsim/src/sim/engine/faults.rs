//! The scenario's timed faults, each applied to the world around the pod at its instant: a
//! Service appears, a container's process is killed, an endpoint breaks, a file is removed
//! or written, the node is lost, the pod is deleted.

use super::Engine;
use crate::ids::service_ip;
use crate::runtime::{ContainerId, Signal};
use crate::sim::scenario::Action;
use crate::why::{Fact, Rule, NO_CAUSE};

impl Engine<'_> {
    /// The running instance of the container named `name`, if any.
    fn running_container(&self, name: &str) -> Option<ContainerId> {
        let c = self.records.iter().position(|r| r.name == name)?;
        self.running_instance(c)
    }

    pub(super) fn fault(&mut self, index: usize) {
        let Some(f) = self.pod.scenario.events.get(index) else {
            return;
        };
        let why = self.decide(
            Rule::ScenarioFault,
            None,
            Fact::Fault {
                index: u16::try_from(index).unwrap_or(u16::MAX),
            },
            [NO_CAUSE; 2],
        );
        match &f.action {
            Action::CreateService { name } => {
                self.runtime.add_service(name, &service_ip(name));
            }
            Action::KillContainer { container } => {
                if self.node_lost {
                    return;
                }
                if let Some(c) = self.records.iter().position(|r| r.name == *container) {
                    if let Some(id) = self.running_instance(c) {
                        self.why.containers[c].outside_kill = why;
                        self.runtime.signal(id, Signal::Kill, self.now);
                    }
                }
            }
            Action::FailEndpoint { port, path, status } => {
                self.runtime.break_endpoint(*port, path, *status);
            }
            Action::RemoveFile { container, path } => {
                if let Some(id) = self.running_container(container) {
                    self.runtime.remove_file(id, path, self.now);
                }
            }
            Action::CreateFile {
                container,
                path,
                content,
            } => {
                if let Some(id) = self.running_container(container) {
                    self.runtime.write_file(id, path, content, self.now);
                }
            }
            Action::LoseNode => self.lose_node(why),
            Action::DeletePod {
                grace_period_seconds,
            } => self.delete_pod(*grace_period_seconds, why),
        }
    }
}
