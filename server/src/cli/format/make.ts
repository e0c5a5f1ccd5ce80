import { rules } from '../../engine';
import type { OutputFormat } from '../args';
import { packageInfo } from '../../packageInfo';
import { jsonReporter } from './json';
import type { Reporter } from './reporter';
import { htmlReporter } from './html';
import { csvReporter, jsonlReporter } from './table';
import { sarifReporter } from './sarif';
import { textReporter } from './text';

export function makeReporter(format: OutputFormat, cwd: string): Reporter {
  switch (format) {
    case 'json':
      return jsonReporter();
    case 'sarif': {
      const { version, homepage } = packageInfo();
      return sarifReporter({ cwd, version, homepage, rules });
    }
    case 'csv':
      return csvReporter();
    case 'jsonl':
      return jsonlReporter();
    case 'html':
      return htmlReporter(`imr-lint ${packageInfo().version}`);
    default:
      return textReporter();
  }
}
