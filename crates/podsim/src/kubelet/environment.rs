//! A container's environment and command line, as the kubelet builds them before creating
//! the container (kubelet_pods.go `makeEnvironmentVariables`, container/helpers.go
//! `ExpandContainerCommandAndArgs`): the service variables of the `kubernetes` Service, then
//! `envFrom` ConfigMaps, then `env` in order — a `value` has its `$(VAR)` references
//! expanded from the variables declared so far and the service variables, a `valueFrom`
//! reads a ConfigMap key, a pod field (downward API) or a resource. Command and args are
//! expanded from the finished environment. Pure functions.

use super::expansion::{expand, lookup_in};
use crate::model::{ConfigMap, Container, ObjectMeta};
use std::fmt;

/// Why the kubelet cannot build a container's configuration (CreateContainerConfigError).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    ConfigMapNotFound {
        name: String,
    },
    KeyNotFound {
        key: String,
        namespace: String,
        config_map: String,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::ConfigMapNotFound { name } => write!(f, "configmap \"{name}\" not found"),
            ConfigError::KeyNotFound {
                key,
                namespace,
                config_map,
            } => write!(
                f,
                "couldn't find key {key} in ConfigMap {namespace}/{config_map}"
            ),
        }
    }
}

/// What the downward API (`fieldRef`) can read about the pod.
#[derive(Debug, Clone, Copy)]
pub struct PodFields<'a> {
    pub meta: &'a ObjectMeta,
    pub name: &'a str,
    pub namespace: &'a str,
    pub uid: &'a str,
    /// Empty until the pod is bound.
    pub node_name: &'a str,
    pub service_account_name: &'a str,
    pub pod_ip: &'a str,
    pub host_ip: &'a str,
}

impl PodFields<'_> {
    /// The value of `fieldRef.fieldPath` (`podFieldSelectorRuntimeValue`).
    pub fn value(&self, path: &str) -> String {
        match path {
            "metadata.name" => self.name.to_string(),
            "metadata.namespace" => self.namespace.to_string(),
            "metadata.uid" => self.uid.to_string(),
            "spec.nodeName" => self.node_name.to_string(),
            "spec.serviceAccountName" => self.service_account_name.to_string(),
            "status.podIP" | "status.podIPs" => self.pod_ip.to_string(),
            "status.hostIP" | "status.hostIPs" => self.host_ip.to_string(),
            p => {
                let key_of = |prefix: &str| {
                    p.strip_prefix(prefix)
                        .and_then(|rest| rest.strip_prefix("['"))
                        .and_then(|rest| rest.strip_suffix("']"))
                };
                if let Some(k) = key_of("metadata.labels") {
                    self.meta.labels.get(k).cloned().unwrap_or_default()
                } else if let Some(k) = key_of("metadata.annotations") {
                    self.meta.annotations.get(k).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            }
        }
    }
}

/// The variables of the default namespace's `kubernetes` Service, which every container
/// gets (podsim's cluster IP for it is 10.96.0.1).
pub fn service_variables() -> Vec<(String, String)> {
    [
        ("KUBERNETES_SERVICE_HOST", "10.96.0.1"),
        ("KUBERNETES_SERVICE_PORT", "443"),
        ("KUBERNETES_PORT", "tcp://10.96.0.1:443"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect()
}

fn config_map<'a>(config_maps: &'a [ConfigMap], name: &str) -> Option<&'a ConfigMap> {
    config_maps
        .iter()
        .find(|m| m.metadata.name.as_deref() == Some(name))
}

/// The container's environment: the service variables, then what `envFrom` and `env`
/// declare (a later definition of a name replaces the earlier one where the process reads
/// it: the last one).
pub fn make_environment(
    container: &Container,
    config_maps: &[ConfigMap],
    pod: &PodFields,
) -> Result<Vec<(String, String)>, ConfigError> {
    let service = service_variables();
    let mut declared: Vec<(String, String)> = Vec::new();
    for from in &container.env_from {
        let Some(source) = &from.config_map_ref else {
            continue;
        };
        match config_map(config_maps, &source.name) {
            Some(cm) => {
                let prefix = from.prefix.as_deref().unwrap_or("");
                declared.extend(
                    cm.data
                        .iter()
                        .map(|(k, v)| (format!("{prefix}{k}"), v.clone())),
                );
            }
            None if source.optional == Some(true) => {}
            None => {
                return Err(ConfigError::ConfigMapNotFound {
                    name: source.name.clone(),
                })
            }
        }
    }
    for var in &container.env {
        let value = match (var.value.as_deref(), &var.value_from) {
            (Some(v), _) if !v.is_empty() => {
                let lookup = |name: &str| lookup_in(&declared)(name).or(lookup_in(&service)(name));
                expand(v, lookup)
            }
            (_, Some(source)) => {
                if let Some(field) = &source.field_ref {
                    pod.value(&field.field_path)
                } else if let Some(key_ref) = &source.config_map_key_ref {
                    let optional = key_ref.optional == Some(true);
                    match config_map(config_maps, &key_ref.name) {
                        Some(cm) => match cm.data.get(&key_ref.key) {
                            Some(v) => v.clone(),
                            None if optional => continue,
                            None => {
                                return Err(ConfigError::KeyNotFound {
                                    key: key_ref.key.clone(),
                                    namespace: pod.namespace.to_string(),
                                    config_map: key_ref.name.clone(),
                                })
                            }
                        },
                        None if optional => continue,
                        None => {
                            return Err(ConfigError::ConfigMapNotFound {
                                name: key_ref.name.clone(),
                            })
                        }
                    }
                } else if let Some(resource) = &source.resource_field_ref {
                    let quantity = match resource.resource.as_str() {
                        "limits.cpu" => container.limit("cpu"),
                        "limits.memory" => container.limit("memory"),
                        "requests.cpu" => container.request("cpu"),
                        "requests.memory" => container.request("memory"),
                        _ => None,
                    };
                    quantity
                        .and_then(|q| q.value())
                        .map(|v| v.to_string())
                        .unwrap_or_default()
                } else {
                    String::new()
                }
            }
            _ => String::new(),
        };
        declared.push((var.name.clone(), value));
    }
    let mut env = service;
    env.extend(declared);
    Ok(env)
}

/// Command and args with their `$(VAR)` references expanded from the container's
/// environment (the image's ENTRYPOINT and CMD are not expanded).
pub fn command_and_args(
    container: &Container,
    env: &[(String, String)],
) -> (Vec<String>, Vec<String>) {
    let expand_all = |words: &[String]| words.iter().map(|w| expand(w, lookup_in(env))).collect();
    (expand_all(&container.command), expand_all(&container.args))
}

/// An exec probe's command, expanded from the container's `env` values as written — a
/// `valueFrom` variable counts as empty, an `envFrom` one not at all
/// (`ExpandContainerCommandOnlyStatic`).
pub fn expand_with_static_env(container: &Container, words: &[String]) -> Vec<String> {
    if !words.iter().any(|w| w.contains('$')) {
        return words.to_vec();
    }
    let statics: Vec<(String, String)> = container
        .env
        .iter()
        .map(|v| (v.name.clone(), v.value.clone().unwrap_or_default()))
        .collect();
    words
        .iter()
        .map(|w| expand(w, lookup_in(&statics)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        ConfigMapEnvSource, ConfigMapKeySelector, EnvFromSource, EnvVar, EnvVarSource,
        ObjectFieldSelector,
    };

    fn var(name: &str, value: &str) -> EnvVar {
        EnvVar {
            name: name.into(),
            value: Some(value.into()),
            value_from: None,
        }
    }

    fn fields(meta: &ObjectMeta) -> PodFields<'_> {
        PodFields {
            meta,
            name: "web",
            namespace: "default",
            uid: "uid-1",
            node_name: "node01",
            service_account_name: "default",
            pod_ip: "10.244.0.5",
            host_ip: "172.18.0.2",
        }
    }

    fn value<'a>(env: &'a [(String, String)], name: &str) -> Option<&'a str> {
        lookup_in(env)(name)
    }

    #[test]
    fn values_expand_from_earlier_and_service_variables() {
        let meta = ObjectMeta::default();
        let c = Container {
            env: vec![
                var("A", "x"),
                var("B", "$(A)-$(KUBERNETES_SERVICE_PORT)-$(LATER)"),
                var("ESCAPED", "$$(A)"),
                var("LATER", "y"),
            ],
            ..Default::default()
        };
        let env = make_environment(&c, &[], &fields(&meta)).unwrap_or_default();
        assert_eq!(value(&env, "B"), Some("x-443-$(LATER)"));
        assert_eq!(value(&env, "ESCAPED"), Some("$(A)"), "$$ is an escaped $");
        assert_eq!(
            env[0].0, "KUBERNETES_SERVICE_HOST",
            "service variables first"
        );
    }

    #[test]
    fn config_maps_and_downward_api() {
        let mut meta = ObjectMeta::default();
        meta.labels.insert("app".into(), "shop".into());
        let cm = ConfigMap {
            metadata: ObjectMeta {
                name: Some("settings".into()),
                ..Default::default()
            },
            data: [("MODE".to_string(), "fast".to_string())]
                .into_iter()
                .collect(),
            ..Default::default()
        };
        let from_field = |path: &str| EnvVarSource {
            field_ref: Some(ObjectFieldSelector {
                api_version: None,
                field_path: path.into(),
            }),
            ..Default::default()
        };
        let c = Container {
            env_from: vec![EnvFromSource {
                prefix: Some("CFG_".into()),
                config_map_ref: Some(ConfigMapEnvSource {
                    name: "settings".into(),
                    optional: None,
                }),
            }],
            env: vec![
                EnvVar {
                    name: "APP".into(),
                    value: None,
                    value_from: Some(from_field("metadata.labels['app']")),
                },
                EnvVar {
                    name: "IP".into(),
                    value: None,
                    value_from: Some(from_field("status.podIP")),
                },
                var("WHERE", "$(CFG_MODE)@$(IP)"),
            ],
            ..Default::default()
        };
        let env = make_environment(&c, &[cm], &fields(&meta)).unwrap_or_default();
        assert_eq!(value(&env, "APP"), Some("shop"));
        assert_eq!(value(&env, "WHERE"), Some("fast@10.244.0.5"));
    }

    #[test]
    fn missing_config_maps_and_keys_are_errors_unless_optional() {
        let meta = ObjectMeta::default();
        let key_ref = |optional: Option<bool>| EnvVar {
            name: "K".into(),
            value: None,
            value_from: Some(EnvVarSource {
                config_map_key_ref: Some(ConfigMapKeySelector {
                    name: "absent".into(),
                    key: "k".into(),
                    optional,
                }),
                ..Default::default()
            }),
        };
        let c = Container {
            env: vec![key_ref(None)],
            ..Default::default()
        };
        let err = make_environment(&c, &[], &fields(&meta)).err();
        assert_eq!(
            err.map(|e| e.to_string()).as_deref(),
            Some("configmap \"absent\" not found")
        );
        let c = Container {
            env: vec![key_ref(Some(true))],
            ..Default::default()
        };
        let env = make_environment(&c, &[], &fields(&meta)).unwrap_or_default();
        assert_eq!(
            value(&env, "K"),
            None,
            "an optional missing key sets nothing"
        );
    }

    #[test]
    fn command_and_args_expand_from_the_environment() {
        let c = Container {
            command: vec!["sh".into(), "-c".into()],
            args: vec!["echo $(GREETING) '$$(GREETING)' $(NOPE) $HOME".into()],
            ..Default::default()
        };
        let env = vec![("GREETING".to_string(), "hi".to_string())];
        let (command, args) = command_and_args(&c, &env);
        assert_eq!(command, ["sh", "-c"]);
        assert_eq!(args, ["echo hi '$(GREETING)' $(NOPE) $HOME"]);
    }
}
