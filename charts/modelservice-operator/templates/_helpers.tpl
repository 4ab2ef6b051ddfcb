{{/* The chart's name, or nameOverride. */}}
{{- define "modelservice-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: the release name when it already contains the chart's name (modelservice-operator). */}}
{{- define "modelservice-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels that select the operator's pods. */}}
{{- define "modelservice-operator.selectorLabels" -}}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/name: {{ include "modelservice-operator.name" . }}
{{- end }}

{{/* Labels of every object: the selector labels plus Helm's bookkeeping. */}}
{{- define "modelservice-operator.labels" -}}
{{ include "modelservice-operator.selectorLabels" . }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "modelservice-operator.serviceAccountName" -}}
{{- default (include "modelservice-operator.fullname" .) .Values.serviceAccount.name }}
{{- end }}

{{/* The endpoint picker's ClusterRole (--epp-cluster-role), which the operator may bind. */}}
{{- define "modelservice-operator.eppClusterRoleName" -}}
{{- required "eppClusterRole.name is required" .Values.eppClusterRole.name }}
{{- end }}

{{- define "modelservice-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
--preset-namespaces with --namespace: the operator's caches hold only the watched namespace, so a preset namespace
other than it would be accepted and never read. Refuse the combination at install time instead.
*/}}
{{- define "modelservice-operator.validate" -}}
{{- $watched := .Values.watchNamespace }}
{{- if $watched }}
{{- range .Values.presetNamespaces }}
{{- if ne . $watched }}
{{- fail (printf "presetNamespaces: %s is not the watched namespace %s; an operator watching one namespace reads presets from it alone (leave watchNamespace empty to use preset namespaces)" . $watched) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
