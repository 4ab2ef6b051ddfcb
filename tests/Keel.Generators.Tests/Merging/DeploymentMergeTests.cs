using k8s.Models;
using Keel.Model.Merging;
using Keel.Model.Topology;
using static Keel.Generators.Tests.Merging.MergeAssert;

namespace Keel.Generators.Tests.Merging;

/// <summary>
/// The rules of modelservice spec section 4.1, each on the real generated merge of V1Deployment (and
/// V1Service) from Keel.Model: base (preset), overlay (ModelService) and the expected result side by side.
/// </summary>
public sealed class DeploymentMergeTests
{
    private static V1Deployment Merge(string @base, string overlay, IMergeObserver? observer = null) =>
        ObjectMerger.Merge(Parse<V1Deployment>(@base), Parse<V1Deployment>(overlay), observer)!;

    [Fact]
    public void Scalar_explicit_zero_in_overlay_wins_and_unset_keeps_base()
    {
        Equal("spec: {replicas: 0, minReadySeconds: 5}", Merge(
            "spec: {replicas: 2, minReadySeconds: 5}",
            "spec: {replicas: 0}"));
        Equal("spec: {replicas: 2}", Merge("spec: {replicas: 2}", "spec: {}"));
    }

    [Fact]
    public void Scalar_explicit_empty_string_and_false_in_overlay_win()
    {
        Equal("""
            spec:
              template:
                spec:
                  serviceAccountName: ""
                  hostNetwork: false
            """, Merge(
            "spec: {template: {spec: {serviceAccountName: preset-sa, hostNetwork: true}}}",
            "spec: {template: {spec: {serviceAccountName: '', hostNetwork: false}}}"));
    }

    [Fact]
    public void Objects_merge_field_by_field()
    {
        Equal("""
            spec:
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1, maxUnavailable: 0}}
              template: {spec: {schedulerName: custom, serviceAccountName: ms-sa}}
            """, Merge(
            "spec: {strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}, template: {spec: {schedulerName: custom}}}",
            "spec: {strategy: {rollingUpdate: {maxUnavailable: 0}}, template: {spec: {serviceAccountName: ms-sa}}}"));
    }

    [Fact]
    public void Maps_union_with_overlay_winning_per_key()
    {
        Equal("metadata: {labels: {app: vllm, tier: decode, owner: ms}, annotations: {a: '1'}}", Merge(
            "metadata: {labels: {app: vllm, tier: prefill}, annotations: {a: '1'}}",
            "metadata: {labels: {tier: decode, owner: ms}}"));
    }

    [Fact]
    public void Resource_lists_union_by_resource_name()
    {
        Equal("""
            spec: {template: {spec: {containers: [{name: vllm, resources: {limits: {nvidia.com/gpu: '2', memory: 64Gi}, requests: {cpu: '8'}}}]}}}
            """, Merge(
            "spec: {template: {spec: {containers: [{name: vllm, resources: {limits: {nvidia.com/gpu: '1', memory: 64Gi}, requests: {cpu: '8'}}}]}}}",
            "spec: {template: {spec: {containers: [{name: vllm, resources: {limits: {nvidia.com/gpu: '2'}}}]}}}"));
    }

    [Fact]
    public void Containers_merge_by_name_keeping_base_order_and_appending_new_overlay_items()
    {
        Equal("""
            spec:
              template:
                spec:
                  containers:
                  - {name: vllm, image: vllm:v2, imagePullPolicy: IfNotPresent}
                  - {name: routing-sidecar, image: sidecar:v1}
                  - {name: extra, image: extra:v1}
                  - {name: second, image: second:v1}
            """, Merge("""
            spec:
              template:
                spec:
                  containers:
                  - {name: vllm, image: vllm:v1, imagePullPolicy: IfNotPresent}
                  - {name: routing-sidecar, image: sidecar:v1}
            """, """
            spec:
              template:
                spec:
                  containers:
                  - {name: extra, image: extra:v1}
                  - {name: vllm, image: vllm:v2}
                  - {name: second, image: second:v1}
            """));
    }

    [Fact]
    public void Volumes_and_mounts_merge_by_key_instead_of_duplicating()
    {
        Equal("""
            spec:
              template:
                spec:
                  volumes:
                  - {name: model-storage, persistentVolumeClaim: {claimName: models, readOnly: true}}
                  - {name: shm, emptyDir: {medium: Memory}}
                  containers:
                  - name: vllm
                    volumeMounts:
                    - {name: model-storage, mountPath: /models, readOnly: true}
                    - {name: shm, mountPath: /dev/shm}
            """, Merge("""
            spec:
              template:
                spec:
                  volumes:
                  - {name: model-storage, emptyDir: {}}
                  - {name: shm, emptyDir: {medium: Memory}}
                  containers:
                  - name: vllm
                    volumeMounts:
                    - {name: model-storage, mountPath: /models}
                    - {name: shm, mountPath: /dev/shm}
            """, """
            spec:
              template:
                spec:
                  volumes:
                  - {name: model-storage, persistentVolumeClaim: {claimName: models, readOnly: true}}
                  containers:
                  - name: vllm
                    volumeMounts:
                    - {name: model-storage, mountPath: /models, readOnly: true}
            """));
    }

    [Fact]
    public void Container_ports_merge_by_port_and_protocol_with_the_protocol_default()
    {
        Equal("""
            spec:
              template:
                spec:
                  containers:
                  - name: vllm
                    ports:
                    - {containerPort: 8000, name: http}
                    - {containerPort: 8000, protocol: UDP, name: udp}
                    - {containerPort: 9000, name: metrics}
            """, Merge("""
            spec: {template: {spec: {containers: [{name: vllm, ports: [{containerPort: 8000}, {containerPort: 8000, protocol: UDP, name: udp}]}]}}}
            """, """
            spec: {template: {spec: {containers: [{name: vllm, ports: [{containerPort: 8000, protocol: TCP, name: http}, {containerPort: 9000, name: metrics}]}]}}}
            """).WithoutTcp());
    }

    [Fact]
    public void Atomic_lists_are_replaced_when_the_overlay_sets_them()
    {
        Equal("spec: {template: {spec: {tolerations: [{key: gpu, operator: Exists}]}}}", Merge(
            "spec: {template: {spec: {tolerations: [{key: a, operator: Exists}, {key: b, operator: Exists}]}}}",
            "spec: {template: {spec: {tolerations: [{key: gpu, operator: Exists}]}}}"));
        Equal("spec: {template: {spec: {tolerations: [{key: a, operator: Exists}]}}}", Merge(
            "spec: {template: {spec: {tolerations: [{key: a, operator: Exists}]}}}",
            "spec: {template: {spec: {}}}"));
    }

    [Fact]
    public void Sets_unite()
    {
        Equal("metadata: {finalizers: [a, b, c]}", Merge("metadata: {finalizers: [a, b]}", "metadata: {finalizers: [b, c]}"));
    }

    [Fact]
    public void Container_args_prepend_overlay_items()
    {
        Equal("spec: {template: {spec: {containers: [{name: vllm, args: [Qwen/Qwen3-0.6B, --port, '8000']}]}}}", Merge(
            "spec: {template: {spec: {containers: [{name: vllm, args: [--port, '8000']}]}}}",
            "spec: {template: {spec: {containers: [{name: vllm, args: [Qwen/Qwen3-0.6B]}]}}}"));
    }

    [Fact]
    public void Container_command_is_replaced_only_by_a_non_empty_overlay()
    {
        Equal("spec: {template: {spec: {containers: [{name: vllm, command: [python, -m, vllm]}]}}}", Merge(
            "spec: {template: {spec: {containers: [{name: vllm, command: [vllm, serve]}]}}}",
            "spec: {template: {spec: {containers: [{name: vllm, command: [python, -m, vllm]}]}}}"));
        Equal("spec: {template: {spec: {containers: [{name: vllm, command: [vllm, serve]}]}}}", Merge(
            "spec: {template: {spec: {containers: [{name: vllm, command: [vllm, serve]}]}}}",
            "spec: {template: {spec: {containers: [{name: vllm, command: []}]}}}"));
    }

    [Fact]
    public void Env_value_and_value_from_are_one_of()
    {
        Equal("""
            spec:
              template:
                spec:
                  containers:
                  - name: vllm
                    env:
                    - {name: HF_TOKEN, valueFrom: {secretKeyRef: {name: hf, key: HF_TOKEN}}}
                    - {name: PORT, value: '8000'}
            """, Merge("""
            spec:
              template:
                spec:
                  containers:
                  - name: vllm
                    env:
                    - {name: HF_TOKEN, value: literal}
                    - {name: PORT, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
            """, """
            spec:
              template:
                spec:
                  containers:
                  - name: vllm
                    env:
                    - {name: HF_TOKEN, valueFrom: {secretKeyRef: {name: hf, key: HF_TOKEN}}}
                    - {name: PORT, value: '8000'}
            """));
    }

    [Fact]
    public void Volume_sources_and_probe_handlers_are_one_of()
    {
        Equal("""
            spec:
              template:
                spec:
                  volumes: [{name: model-storage, persistentVolumeClaim: {claimName: models}}]
                  containers:
                  - name: vllm
                    readinessProbe: {httpGet: {path: /health, port: 8000}, periodSeconds: 5}
                    livenessProbe: {exec: {command: [true]}, periodSeconds: 10}
            """, Merge("""
            spec:
              template:
                spec:
                  volumes: [{name: model-storage, emptyDir: {sizeLimit: 10Gi}}]
                  containers:
                  - name: vllm
                    readinessProbe: {tcpSocket: {port: 8000}, periodSeconds: 5}
                    livenessProbe: {httpGet: {path: /live, port: 8000}, periodSeconds: 10}
            """, """
            spec:
              template:
                spec:
                  volumes: [{name: model-storage, persistentVolumeClaim: {claimName: models}}]
                  containers:
                  - name: vllm
                    readinessProbe: {httpGet: {path: /health, port: 8000}}
                    livenessProbe: {exec: {command: [true]}}
            """));
    }

    [Fact]
    public void Selector_is_an_atomic_struct_and_node_selector_an_atomic_map()
    {
        Equal("spec: {selector: {matchLabels: {app: b}}, template: {spec: {nodeSelector: {gpu: h100}}}}", Merge(
            "spec: {selector: {matchLabels: {app: a, tier: x}}, template: {spec: {nodeSelector: {zone: z1, gpu: a100}}}}",
            "spec: {selector: {matchLabels: {app: b}}, template: {spec: {nodeSelector: {gpu: h100}}}}"));
    }

    [Fact]
    public void Node_selector_terms_are_atomic()
    {
        Equal("""
            spec: {template: {spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: gpu, operator: In, values: [h100]}]}]}}}}}}
            """, Merge("""
            spec: {template: {spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}]}]}}}}}}
            """, """
            spec: {template: {spec: {affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: gpu, operator: In, values: [h100]}]}]}}}}}}
            """));
    }

    [Fact]
    public void Service_ports_merge_by_name_for_presets()
    {
        var merged = ObjectMerger.Merge(
            Parse<V1Service>("spec: {ports: [{name: http, port: 8000, targetPort: 8000}, {name: metrics, port: 9090}]}"),
            Parse<V1Service>("spec: {ports: [{name: http, port: 80}]}"));
        Equal("spec: {ports: [{name: http, port: 80, targetPort: 8000}, {name: metrics, port: 9090}]}", merged);

        var ports = TopologyCatalog.For(typeof(V1ServiceSpec))!.Field("ports")!;
        Assert.Equal(["port", "protocol"], ports.ListMapKeys);
        Assert.Equal(["name"], ports.MergeKeys);
    }

    [Fact]
    public void Inputs_are_never_changed_and_the_result_shares_no_object_with_them()
    {
        const string baseYaml = """
            metadata: {labels: {app: vllm}}
            spec:
              template:
                spec:
                  containers: [{name: vllm, args: [--port, '8000'], env: [{name: A, value: '1'}], resources: {limits: {cpu: '1'}}}]
                  volumes: [{name: v, emptyDir: {}}]
            """;
        const string overlayYaml = """
            metadata: {labels: {tier: decode}}
            spec:
              template:
                spec:
                  containers: [{name: vllm, args: [model], env: [{name: B, value: '2'}]}, {name: new}]
            """;
        var @base = Parse<V1Deployment>(baseYaml);
        var overlay = Parse<V1Deployment>(overlayYaml);
        var merged = ObjectMerger.Merge(@base, overlay)!;

        Equal(baseYaml, @base);
        Equal(overlayYaml, overlay);
        ObjectGraph.AssertDisjoint(merged, @base);
        ObjectGraph.AssertDisjoint(merged, overlay);

        // Changing the result must not reach the inputs.
        merged.Spec.Template.Spec.Containers[0].Env[0].Value = "changed";
        merged.Metadata.Labels["app"] = "changed";
        Equal(baseYaml, @base);
    }

    [Fact]
    public void Null_sides_give_a_copy_of_the_other()
    {
        var only = Parse<V1Deployment>("spec: {replicas: 3}");
        var fromBase = ObjectMerger.Merge(only, null)!;
        var fromOverlay = ObjectMerger.Merge(null, only)!;
        Equal("spec: {replicas: 3}", fromBase);
        Equal("spec: {replicas: 3}", fromOverlay);
        Assert.NotSame(only, fromBase);
        Assert.NotSame(only.Spec, fromOverlay.Spec);
        Assert.Null(ObjectMerger.Merge((V1Deployment?)null, null));
    }

    [Fact]
    public void Generic_catalog_merge_is_the_generated_merge()
    {
        var merged = MergeCatalog.Merge(Parse<V1Deployment>("spec: {replicas: 2}"), Parse<V1Deployment>("spec: {paused: true}"));
        Equal("spec: {replicas: 2, paused: true}", merged);
        Assert.True(MergeCatalog.Supports(typeof(V1PodSpec)));
        Assert.Throws<InvalidOperationException>(() => MergeCatalog.Merge(new object(), new object()));
    }
}

internal static class DeploymentTestExtensions
{
    /// <summary>Drops protocol TCP (the default) so expectations can leave it out.</summary>
    public static V1Deployment WithoutTcp(this V1Deployment deployment)
    {
        foreach (var port in deployment.Spec.Template.Spec.Containers.SelectMany(c => c.Ports ?? []))
        {
            if (port.Protocol == "TCP")
            {
                port.Protocol = null;
            }
        }

        return deployment;
    }
}
