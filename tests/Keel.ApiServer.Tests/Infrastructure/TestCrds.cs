namespace Keel.ApiServer.Tests.Infrastructure;

/// <summary>CRD fixtures written for these tests.</summary>
public static class TestCrds
{
    public const string Group = "test.keel.dev";
    public const string Plural = "widgets";

    /// <summary>A namespaced Widget with a status subresource, printer columns and two served versions.</summary>
    public const string Widget = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.test.keel.dev
        spec:
          group: test.keel.dev
          scope: Namespaced
          names:
            plural: widgets
            singular: widget
            kind: Widget
            listKind: WidgetList
            shortNames: [wdg]
            categories: [all]
          versions:
          - name: v1
            served: true
            storage: true
            subresources:
              status: {}
            additionalPrinterColumns:
            - name: Size
              type: integer
              jsonPath: .spec.size
            - name: Color
              type: string
              jsonPath: .spec.color
            - name: Ready
              type: string
              jsonPath: .status.conditions[?(@.type=="Ready")].status
            - name: Owner
              type: string
              jsonPath: .spec.owner
              priority: 1
            - name: Age
              type: date
              jsonPath: .metadata.creationTimestamp
            schema:
              openAPIV3Schema:
                type: object
                description: A Widget for tests.
                properties:
                  spec:
                    type: object
                    description: What the widget should be.
                    properties:
                      size:
                        type: integer
                        description: How big.
                        minimum: 0
                      color:
                        type: string
                        description: Which color.
                      owner:
                        type: string
                      tags:
                        type: array
                        items:
                          type: string
                  status:
                    type: object
                    properties:
                      phase:
                        type: string
                      conditions:
                        type: array
                        items:
                          type: object
                          properties:
                            type: {type: string}
                            status: {type: string}
          - name: v1beta1
            served: true
            storage: false
            subresources:
              status: {}
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """;

    /// <summary>A Gadget with defaults and CEL rules, including a transition rule.</summary>
    public const string Gadget = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: gadgets.test.keel.dev
        spec:
          group: test.keel.dev
          scope: Namespaced
          names: {plural: gadgets, singular: gadget, kind: Gadget, listKind: GadgetList, shortNames: [gdg]}
          versions:
          - name: v1
            served: true
            storage: true
            subresources: {status: {}}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      replicas:
                        type: integer
                        default: 1
                      routing:
                        type: object
                        properties:
                          modelName:
                            type: string
                            x-kubernetes-validations:
                            - rule: self == oldSelf
                              message: modelName is immutable
                  status:
                    type: object
                    x-kubernetes-preserve-unknown-fields: true
        """;
}
